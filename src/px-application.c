/* px-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-application"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-window.h"

struct _PxApplication
{
  AdwApplication  parent_instance;

  GPtrArray      *recent;       /* URIs for the desktop's recent files, not yet given */
  guint           recent_idle;
};

G_DEFINE_FINAL_TYPE (PxApplication, px_application, ADW_TYPE_APPLICATION)

static PxWindow *
get_or_create_window (PxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (px_window_new (GTK_APPLICATION (self)));
  return PX_WINDOW (window);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  PxApplication *self = user_data;
  static const char *developers[] = { "The Parallax developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Parallax"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Parallax developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Read several reports of the same event side by side: "
                                      "what they agree on, where they differ, and what only one says."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PxApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close through the windows so that each can save its state. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
px_application_activate (GApplication *application)
{
  PxApplication *self = PX_APPLICATION (application);

  gtk_window_present (GTK_WINDOW (get_or_create_window (self)));
}

static void
px_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PxApplication *self = PX_APPLICATION (application);
  PxWindow *window = get_or_create_window (self);

  px_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
px_application_startup (GApplication *application)
{
  PxApplication *self = PX_APPLICATION (application);
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *example_accels[] = { "<Control><Shift>e", NULL };
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);

  /* ./run starts the program of the build tree: its catalogs are there,
   * not where an installed Parallax looks */
  if (program != NULL)
    {
      g_autofree char *locale_dir = px_application_dup_locale_dir (program);

      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    }

  G_APPLICATION_CLASS (px_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.open-example", example_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
}

/* Reading the desktop's list of recent files takes a GtkRecentManager
 * tens of milliseconds once it is long, and each addition writes it all
 * again: that waits until the main loop has nothing else to do. */
static void
flush_recent (PxApplication *self)
{
  GtkRecentManager *manager;

  g_clear_handle_id (&self->recent_idle, g_source_remove);
  if (self->recent->len == 0)
    return;
  manager = gtk_recent_manager_get_default ();
  for (guint i = 0; i < self->recent->len; i++)
    gtk_recent_manager_add_item (manager, g_ptr_array_index (self->recent, i));
  g_ptr_array_set_size (self->recent, 0);
}

static gboolean
flush_recent_cb (gpointer user_data)
{
  PxApplication *self = user_data;

  self->recent_idle = 0;
  flush_recent (self);
  return G_SOURCE_REMOVE;
}

static void
px_application_shutdown (GApplication *application)
{
  PxApplication *self = PX_APPLICATION (application);

  flush_recent (self);
  G_APPLICATION_CLASS (px_application_parent_class)->shutdown (application);
}

static void
px_application_finalize (GObject *object)
{
  PxApplication *self = PX_APPLICATION (object);

  g_clear_handle_id (&self->recent_idle, g_source_remove);
  g_clear_pointer (&self->recent, g_ptr_array_unref);
  G_OBJECT_CLASS (px_application_parent_class)->finalize (object);
}

static void
px_application_class_init (PxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = px_application_finalize;
  app_class->shutdown = px_application_shutdown;
  app_class->activate = px_application_activate;
  app_class->open = px_application_open;
  app_class->startup = px_application_startup;
}

static void
px_application_init (PxApplication *self)
{
  self->recent = g_ptr_array_new_with_free_func (g_free);
}

void
px_application_add_recent (GtkApplication *application,
                           const char     *uri)
{
  PxApplication *self;

  g_return_if_fail (application == NULL || GTK_IS_APPLICATION (application));
  g_return_if_fail (uri != NULL);

  if (!PX_IS_APPLICATION (application))
    {
      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      return;
    }
  self = PX_APPLICATION (application);
  g_ptr_array_add (self->recent, g_strdup (uri));
  if (self->recent_idle == 0)
    self->recent_idle = g_idle_add_full (G_PRIORITY_LOW, flush_recent_cb, self, NULL);
}

PxApplication *
px_application_new (void)
{
  return g_object_new (PX_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/parallax_reader/Parallax",
                       NULL);
}

char *
px_application_dup_locale_dir (const char *program)
{
  g_autofree char *bin = NULL;
  g_autofree char *build = NULL;
  g_autofree char *marker = NULL;
  g_autofree char *po = NULL;

  g_return_val_if_fail (program != NULL, NULL);

  /* BUILD/src/parallax: BUILD holds meson-private/ and po/LANG/LC_MESSAGES */
  bin = g_path_get_dirname (program);
  build = g_path_get_dirname (bin);
  marker = g_build_filename (build, "meson-private", NULL);
  po = g_build_filename (build, "po", NULL);
  if (g_file_test (marker, G_FILE_TEST_IS_DIR) && g_file_test (po, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&po);
  return g_strdup (LOCALEDIR);
}

/* A DRM render node: what Mesa drives a GPU through. */
static gboolean
has_render_node (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  return FALSE;
}

gboolean
px_application_choose_renderer (const char *dri_dir)
{
  g_return_val_if_fail (dri_dir != NULL, FALSE);

  /* the user's choice stands */
  if (g_getenv ("GSK_RENDERER") != NULL || g_getenv ("GDK_DEBUG") != NULL || g_getenv ("GDK_DISABLE") != NULL)
    return FALSE;
  if (has_render_node (dri_dir))
    return FALSE;
  /* no GL at all (GTK 4.8's name for it, and GTK 4.16's), and the
   * renderer that needs none, so that GSK does not try GL first */
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("GDK_DISABLE", "gl", FALSE);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  return TRUE;
}

static int
compare_files_by_name (gconstpointer a,
                       gconstpointer b)
{
  g_autofree char *name_a = g_file_get_basename (*(GFile **)a);
  g_autofree char *name_b = g_file_get_basename (*(GFile **)b);

  return g_strcmp0 (name_a, name_b);
}

GPtrArray *
px_application_list_examples (void)
{
  const char *dir = g_getenv ("PX_EXAMPLES_DIR");
  g_autofree char *installed = g_build_filename (PKGDATADIR, "examples", NULL);
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDir) gdir = NULL;
  const char *name;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = installed;
  gdir = g_dir_open (dir, 0, NULL);
  if (gdir == NULL)
    return files;

  while ((name = g_dir_read_name (gdir)) != NULL)
    if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".html"))
      g_ptr_array_add (files, g_file_new_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_files_by_name);
  return files;
}
