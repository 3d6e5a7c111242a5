/* test-enums.c: the engine's enums as GTypes (gnome.mkenums_simple)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "parallax-core.h"

typedef const char *(*ToString) (int value);

/* Every value of @type has the nick the engine writes in its JSON. */
static void
check_nicks (GType    type,
             ToString to_string,
             int      n_values)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  g_assert_true (G_TYPE_IS_ENUM (type));
  for (int v = 0; v < n_values; v++)
    {
      GEnumValue *value = g_enum_get_value (klass, v);

      g_assert_nonnull (value);
      g_assert_cmpstr (value->value_nick, ==, to_string (v));
    }
}

static void
test_nicks (void)
{
  check_nicks (PX_TYPE_FACT_KIND, (ToString)px_fact_kind_to_string, PX_N_FACT_KINDS);
  check_nicks (PX_TYPE_FACT_GROUP_STATUS, (ToString)px_fact_group_status_to_string, PX_FACT_GROUP_SINGLE + 1);
  check_nicks (PX_TYPE_RELATION, (ToString)px_relation_to_string, PX_RELATION_RELATED + 1);
  check_nicks (PX_TYPE_CLAIM_STATUS, (ToString)px_claim_status_to_string, PX_CLAIM_UNIQUE + 1);
  check_nicks (PX_TYPE_DIFF_OP, (ToString)px_diff_op_to_string, PX_DIFF_MOVED + 1);
  check_nicks (PX_TYPE_SEGMENT_KIND, (ToString)px_segment_kind_to_string, PX_SEGMENT_BOILERPLATE + 1);
  check_nicks (PX_TYPE_PARAGRAPH_KIND, (ToString)px_paragraph_kind_to_string, PX_PARAGRAPH_QUOTE + 1);
  check_nicks (PX_TYPE_ANCHOR_STATUS, (ToString)px_anchor_status_to_string, PX_ANCHOR_ORPHANED + 1);
  /* the JSON writes qualifiers as signs (">", "≈"): names only */
  g_assert_true (G_TYPE_IS_ENUM (PX_TYPE_QUALIFIER));
  g_assert_true (G_TYPE_IS_FLAGS (PX_TYPE_TOKEN_FLAGS));
  g_assert_true (G_TYPE_IS_ENUM (PX_TYPE_ERROR));
}

/* The window reads "alignment-sensitivity" with g_settings_get_enum () as a
 * PxSensitivity: the schema's enum must be the engine's. */
static void
test_settings_sensitivity (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) nicks = NULL;
  g_autoptr(GEnumClass) klass = g_type_class_ref (PX_TYPE_SENSITIVITY);
  const char *kind = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, "io.github.parallax_reader.Parallax", TRUE) : NULL;
  if (schema == NULL)
    {
      g_test_skip ("the settings schema is not compiled (GSETTINGS_SCHEMA_DIR)");
      return;
    }
  key = g_settings_schema_get_key (schema, "alignment-sensitivity");
  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &nicks);
  g_assert_cmpstr (kind, ==, "enum");
  g_assert_cmpuint (g_variant_n_children (nicks), ==, klass->n_values);
  for (guint i = 0; i < klass->n_values; i++)
    {
      const char *nick = NULL;
      GEnumValue *value;
      PxSensitivity parsed;

      g_variant_get_child (nicks, i, "&s", &nick);
      value = g_enum_get_value_by_nick (klass, nick);
      g_assert_nonnull (value);
      g_assert_true (px_sensitivity_from_string (nick, &parsed));
      g_assert_cmpint (parsed, ==, value->value);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/nicks", test_nicks);
  g_test_add_func ("/core/enums/settings-sensitivity", test_settings_sensitivity);

  return g_test_run ();
}
