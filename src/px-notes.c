/* px-notes.c: the reader's highlights and notes, sessions and the report
 *
 * The window's sources and the user's annotations live in a PxSession
 * (the engine's, src/core/px-session.h) that follows the window's source
 * list. Highlights are text tags on the columns' buffers, whose text is the
 * document text, so character offsets map to byte offsets one to one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "parallax"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-notes.h"
#include "px-window.h"
#include "px-tooltip.h"

struct _PxNotes
{
  GObject     parent_instance;

  PxWindow   *window;       /* weak */
  GListModel *sources;
  PxSession  *session;
  GFile      *file;         /* where the session was last saved or opened */
  GFile      *report;       /* the report last exported */
  gboolean    unsaved;
  gboolean    closing;
  GSimpleActionGroup *actions;
  guint       sync_idle;
  guint       autosave;
};

/* Seconds after a change before the recovery file is written. */
#define AUTOSAVE_DELAY 3

G_DEFINE_FINAL_TYPE (PxNotes, px_notes, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UNSAVED,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_unsaved (PxNotes  *self,
             gboolean  unsaved)
{
  if (self->unsaved == !!unsaved)
    return;
  self->unsaved = !!unsaved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static void
set_file (PxNotes *self,
          GFile   *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* A name for files made from this reading: the session's, else the first
 * source's title, made safe as a file name. */
char *
px_notes_suggest_name (PxNotes    *self,
                       const char *extension)
{
  g_autofree char *base = NULL;
  GString *name;

  if (self->file != NULL)
    {
      g_autofree char *file_name = g_file_get_basename (self->file);
      char *dot = strrchr (file_name, '.');

      if (dot != NULL && dot != file_name)
        *dot = '\0';
      base = g_steal_pointer (&file_name);
    }
  else if (g_list_model_get_n_items (self->sources) > 0)
    {
      g_autoptr(PxDocument) first = g_list_model_get_item (self->sources, 0);
      const char *title = px_document_get_title (first);
      const char *origin = px_document_get_origin (first);

      if (title != NULL && *title != '\0')
        base = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1), 60));
      else if (origin != NULL)
        {
          char *dot;

          base = g_path_get_basename (origin);
          dot = strrchr (base, '.');
          if (dot != NULL && dot != base)
            *dot = '\0';
        }
    }
  if (base == NULL || *base == '\0')
    {
      g_free (base);
      base = g_strdup (_("Reading"));
    }
  name = g_string_new (NULL);
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* no folders, no characters other systems refuse */
      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' ||
          g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          /* one space, however many went */
          if (name->len > 0 && name->str[name->len - 1] != ' ')
            g_string_append_c (name, ' ');
        }
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  g_string_append (name, extension);
  return g_string_free (name, FALSE);
}

static const struct
{
  const char      *label;
  const char      *tag;
  PangoUnderline   underline;
  const char      *underline_color;
  const char      *background;
} label_styles[] = {
  /* never colour alone: each label has its own underline too */
  /* apart from the engine's greens, blues, ambers and oranges */
  { PX_LABEL_KEY_CLAIM, "px-note-key-claim", PANGO_UNDERLINE_DOUBLE, "#813d9c", "rgba(145,65,172,0.32)" },
  { PX_LABEL_CONTRADICTION, "px-note-contradiction", PANGO_UNDERLINE_ERROR, "#e01b24", "rgba(224,27,36,0.28)" },
  { PX_LABEL_CHECK, "px-note-check", PANGO_UNDERLINE_LOW, "#63452c", "rgba(99,69,44,0.25)" },
  { NULL, "px-note-other", PANGO_UNDERLINE_SINGLE, "#77767b", "rgba(119,118,123,0.30)" },
};

/* @text in quotation marks, unless it is a quote with its own already
 * (“…” inside “…” read as a doubled quote). */
static char *
quote_text (const char *text)
{
  static const char * const opening[] = { "“", "\"", "«", "„", "‘", "'" };
  static const char * const closing[] = { "”", "\"", "»", "“", "’", "'" };
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));

  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    if (g_str_has_prefix (trimmed, opening[i]))
      {
        for (guint j = 0; j < G_N_ELEMENTS (closing); j++)
          if (g_str_has_suffix (trimmed, closing[j]) && strlen (trimmed) > strlen (opening[i]))
            return g_steal_pointer (&trimmed);
      }
  return g_strdup_printf ("“%s”", trimmed);
}

static const char *
tag_for_label (const char *label)
{
  for (guint i = 0; i < G_N_ELEMENTS (label_styles) - 1; i++)
    if (g_strcmp0 (label, label_styles[i].label) == 0)
      return label_styles[i].tag;
  return label_styles[G_N_ELEMENTS (label_styles) - 1].tag;
}

/* Where unsaved highlights are kept in case Parallax stops unexpectedly. */
GFile *
px_notes_get_recovery_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "parallax", "recovery.parallax", NULL);

  return g_file_new_for_path (path);
}

static void
forget_recovery (PxNotes *self)
{
  g_autoptr(GFile) recovery = px_notes_get_recovery_file ();

  g_clear_handle_id (&self->autosave, g_source_remove);
  g_file_delete (recovery, NULL, NULL);
}

static void
autosaved_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!px_session_save_finish (PX_SESSION (source), result, &error))
    g_warning ("Could not write the recovery file: %s", error->message);
}

static gboolean
autosave_cb (gpointer data)
{
  PxNotes *self = data;
  g_autoptr(GFile) recovery = px_notes_get_recovery_file ();
  g_autoptr(GFile) folder = g_file_get_parent (recovery);

  self->autosave = 0;
  if (!self->unsaved || px_session_get_annotations (self->session)->len == 0)
    return G_SOURCE_REMOVE;
  g_file_make_directory_with_parents (folder, NULL, NULL);
  px_session_save_async (self->session, recovery, G_PRIORITY_LOW, NULL, autosaved_cb, NULL);
  return G_SOURCE_REMOVE;
}

void
px_notes_autosave_now (PxNotes *self)
{
  g_return_if_fail (PX_IS_NOTES (self));

  g_clear_handle_id (&self->autosave, g_source_remove);
  if (self->unsaved && px_session_get_annotations (self->session)->len > 0)
    {
      g_autoptr(GFile) recovery = px_notes_get_recovery_file ();
      g_autoptr(GFile) folder = g_file_get_parent (recovery);

      g_file_make_directory_with_parents (folder, NULL, NULL);
      px_session_save (self->session, recovery, NULL, NULL);
    }
}

/* A dialog with three answers: to cancel, to throw away, and the suggested
 * one; @callback gets the answer's id. */
static void
present_choice (GtkWindow  *parent,
                const char *heading,
                const char *body,
                const char *ids[3],
                const char *labels[3],
                GCallback   callback,
                gpointer    self)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  for (guint i = 0; i < 3; i++)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), ids[i], labels[i]);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ids[1], ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), ids[2], ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), ids[2]);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), ids[0]);
  g_signal_connect_object (dialog, "response", callback, self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error (PxNotes    *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog;

  if (self->window == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self->window), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
mark_unsaved (PxNotes *self)
{
  set_unsaved (self, TRUE);
  if (self->autosave == 0)
    self->autosave = g_timeout_add_seconds (AUTOSAVE_DELAY, autosave_cb, self);
}

/* ---- following the window's sources ---- */

static int
session_index_of (PxNotes    *self,
                  PxDocument *document)
{
  for (guint i = 0; i < px_session_get_n_documents (self->session); i++)
    if (px_session_get_document (self->session, i) == document)
      return i;
  return -1;
}

static void
sync_sources (PxNotes *self)
{
  GListModel *model = self->sources;
  guint n = g_list_model_get_n_items (model);
  g_autofree guint *order = g_new (guint, MAX (n, 1));

  /* sources gone (a reorder keeps the same documents and their notes) */
  for (int i = px_session_get_n_documents (self->session) - 1; i >= 0; i--)
    {
      PxDocument *document = px_session_get_document (self->session, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < n && !kept; j++)
        {
          g_autoptr(PxDocument) d = g_list_model_get_item (model, j);

          kept = d == document;
        }
      if (!kept)
        {
          px_session_remove_document (self->session, i);
          mark_unsaved (self);
        }
    }
  for (guint j = 0; j < n; j++)
    {
      g_autoptr(PxDocument) d = g_list_model_get_item (model, j);

      if (session_index_of (self, d) < 0)
        {
          px_session_add_document (self->session, d);
          /* a saved session has changed */
          if (self->file != NULL)
            mark_unsaved (self);
        }
      order[j] = session_index_of (self, d);
    }
  px_session_set_column_order (self->session, order, n);
  px_notes_refresh (self);
}

static gboolean
sync_sources_idle_cb (gpointer data)
{
  PxNotes *self = data;

  self->sync_idle = 0;
  sync_sources (self);
  return G_SOURCE_REMOVE;
}

/* A moved column is removed and inserted again: sync once both happened,
 * so that its highlights stay. */
static void
sources_changed_cb (GListModel *model,
                    guint       position,
                    guint       removed,
                    guint       added,
                    PxNotes    *self)
{
  if (self->sync_idle == 0)
    self->sync_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_sources_idle_cb, self, NULL);
}

/* ---- highlights in the columns ---- */

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, label_styles[i].tag);

      if (tag == NULL)
        {
          GdkRGBA underline;

          /* The underline's colour too: a fact's faint one (a name, a
           * number inside a highlighted quote) must not show through. */
          gdk_rgba_parse (&underline, label_styles[i].underline_color);
          tag = gtk_text_buffer_create_tag (buffer, label_styles[i].tag,
                                            "underline", label_styles[i].underline,
                                            "underline-rgba", &underline,
                                            "background", label_styles[i].background,
                                            NULL);
        }
      /* above the engine's highlights */
      gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
    }
}

void
px_notes_refresh (PxNotes *self)
{
  GPtrArray *annotations;

  g_return_if_fail (PX_IS_NOTES (self));

  if (self->window == NULL)
    return;
  annotations = px_session_get_annotations (self->session);
  for (guint c = 0; c < px_window_get_n_columns (self->window); c++)
    {
      PxSourceView *column = px_window_get_column (self->window, c);
      PxDocument *document = px_source_view_get_document (column);
      GtkTextBuffer *buffer = px_source_view_get_buffer (column);
      const char *text = px_document_get_text (document, NULL);
      GtkTextIter begin, end;

      ensure_tags (buffer);
      gtk_text_buffer_get_bounds (buffer, &begin, &end);
      for (guint i = 0; i < G_N_ELEMENTS (label_styles); i++)
        gtk_text_buffer_remove_tag_by_name (buffer, label_styles[i].tag, &begin, &end);

      for (guint a = 0; a < annotations->len; a++)
        {
          PxAnnotation *annotation = g_ptr_array_index (annotations, a);
          g_autofree char *label = NULL;
          GtkTextIter s, e;
          guint start, stop;

          if (!px_annotation_is_attached_to (annotation, document) ||
              px_annotation_get_anchor_status (annotation) == PX_ANCHOR_ORPHANED)
            continue;
          px_annotation_get_range (annotation, &start, &stop);
          if (stop > px_document_get_length (document) || start >= stop)
            continue;
          label = px_annotation_dup_label (annotation);
          gtk_text_buffer_get_iter_at_offset (buffer, &s, g_utf8_pointer_to_offset (text, text + start));
          gtk_text_buffer_get_iter_at_offset (buffer, &e, g_utf8_pointer_to_offset (text, text + stop));
          gtk_text_buffer_apply_tag_by_name (buffer, tag_for_label (label), &s, &e);
        }
    }
}

static void
annotations_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        PxNotes    *self)
{
  mark_unsaved (self);
  px_notes_refresh (self);
}

/* ---- adding and editing ---- */

static int
column_of_document_id (PxNotes    *self,
                       const char *id)
{
  for (guint c = 0; self->window != NULL && c < px_window_get_n_columns (self->window); c++)
    if (g_strcmp0 (px_document_get_id (px_source_view_get_document (px_window_get_column (self->window, c))), id) == 0)
      return c;
  return -1;
}

PxAnnotation *
px_notes_add (PxNotes    *self,
              guint       doc,
              guint       start,
              guint       end,
              const char *label,
              const char *note)
{
  PxDocument *document;
  PxAnnotation *annotation;

  g_return_val_if_fail (PX_IS_NOTES (self), NULL);
  g_return_val_if_fail (self->window != NULL && doc < px_window_get_n_columns (self->window), NULL);

  document = px_source_view_get_document (px_window_get_column (self->window, doc));
  g_return_val_if_fail (start < end && end <= px_document_get_length (document), NULL);

  annotation = px_annotation_new (document, start, end, label);
  if (note != NULL && *note != '\0')
    px_annotation_set_note (annotation, note);
  px_session_add_annotation (self->session, annotation);
  g_object_unref (annotation);
  return annotation;
}

typedef struct
{
  PxNotes      *notes;
  PxAnnotation *annotation;  /* NULL: a new one for the range below */
  guint         doc, start, end;
  GtkDropDown  *labels;
  GtkEntry     *custom;
  GtkEntry     *note;
} Editor;

static void
editor_free (gpointer  data,
             GClosure *closure)
{
  Editor *editor = data;

  g_clear_object (&editor->notes);
  g_clear_object (&editor->annotation);
  g_free (editor);
}

static const char * const builtin_labels[] = { PX_LABEL_KEY_CLAIM, PX_LABEL_CONTRADICTION, PX_LABEL_CHECK };

static void
editor_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Editor           *editor)
{
  guint selected = gtk_drop_down_get_selected (editor->labels);
  const char *label;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (editor->note));

  if (g_strcmp0 (response, "save") != 0)
    return;

  if (selected < G_N_ELEMENTS (builtin_labels))
    label = builtin_labels[selected];
  else
    {
      label = gtk_editable_get_text (GTK_EDITABLE (editor->custom));
      if (*label == '\0')
        label = PX_LABEL_CHECK;
    }

  if (editor->annotation == NULL)
    px_notes_add (editor->notes, editor->doc, editor->start, editor->end, label, note);
  else
    {
      px_annotation_set_label (editor->annotation, label);
      px_annotation_set_note (editor->annotation, *note != '\0' ? note : NULL);
      mark_unsaved (editor->notes);
      px_notes_refresh (editor->notes);
    }
}

static void
labels_selected_cb (GtkDropDown *drop_down,
                    GParamSpec  *pspec,
                    Editor      *editor)
{
  gtk_widget_set_visible (GTK_WIDGET (editor->custom),
                          gtk_drop_down_get_selected (drop_down) >= G_N_ELEMENTS (builtin_labels));
}

static void
present_editor (PxNotes      *self,
                PxAnnotation *annotation,
                guint         doc,
                guint         start,
                guint         end,
                const char   *quote)
{
  Editor *editor = g_new0 (Editor, 1);
  GtkWidget *dialog, *box;
  g_autofree char *shown = NULL;
  const char *names[] = {
    px_label_get_display_name (PX_LABEL_KEY_CLAIM),
    px_label_get_display_name (PX_LABEL_CONTRADICTION),
    px_label_get_display_name (PX_LABEL_CHECK),
    _("Other…"),
    NULL,
  };

  editor->notes = g_object_ref (self);
  editor->annotation = annotation != NULL ? g_object_ref (annotation) : NULL;
  editor->doc = doc;
  editor->start = start;
  editor->end = end;

  if (g_utf8_strlen (quote, -1) > 160)
    {
      g_autofree char *head = g_utf8_substring (quote, 0, 159);
      g_autofree char *cut = g_strdup_printf ("%s…", head);

      shown = g_str_has_prefix (head, "“") || g_str_has_prefix (head, "\"") || g_str_has_prefix (head, "«")
              ? g_steal_pointer (&cut) : quote_text (cut);
    }
  else
    shown = quote_text (quote);

  dialog = adw_message_dialog_new (GTK_WINDOW (self->window),
                                   annotation == NULL ? _("Add Highlight") : _("Edit Highlight"),
                                   shown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", annotation == NULL ? _("_Add") : _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  editor->labels = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (names));
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor->labels),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Label"), -1);
  editor->custom = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (editor->custom, _("Label name"));
  gtk_widget_set_visible (GTK_WIDGET (editor->custom), FALSE);
  editor->note = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (editor->note, _("Note (optional)"));
  gtk_entry_set_activates_default (editor->note, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->labels));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->custom));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (editor->note));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  if (annotation != NULL)
    {
      g_autofree char *label = px_annotation_dup_label (annotation);
      g_autofree char *note = px_annotation_dup_note (annotation);
      guint selected = G_N_ELEMENTS (builtin_labels);

      for (guint i = 0; i < G_N_ELEMENTS (builtin_labels); i++)
        if (g_strcmp0 (label, builtin_labels[i]) == 0)
          selected = i;
      gtk_drop_down_set_selected (editor->labels, selected);
      if (selected == G_N_ELEMENTS (builtin_labels))
        gtk_editable_set_text (GTK_EDITABLE (editor->custom), label != NULL ? label : "");
      gtk_widget_set_visible (GTK_WIDGET (editor->custom), selected == G_N_ELEMENTS (builtin_labels));
      gtk_editable_set_text (GTK_EDITABLE (editor->note), note != NULL ? note : "");
    }

  g_signal_connect (editor->labels, "notify::selected", G_CALLBACK (labels_selected_cb), editor);
  g_signal_connect_data (dialog, "response", G_CALLBACK (editor_response_cb), editor, editor_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  /* the label has a default; the note is what one types */
  gtk_window_set_focus (GTK_WINDOW (dialog), GTK_WIDGET (editor->note));
}

/* The column with the keyboard focus and a selection, else any with one,
 * else the selected sentence. */
static gboolean
find_selection (PxNotes *self,
                guint   *doc,
                guint   *start,
                guint   *end)
{
  int found = -1;

  for (guint pass = 0; pass < 2 && found < 0; pass++)
    for (guint c = 0; c < px_window_get_n_columns (self->window) && found < 0; c++)
      {
        PxSourceView *column = px_window_get_column (self->window, c);

        if ((pass == 1 || gtk_widget_has_focus (GTK_WIDGET (px_source_view_get_text_view (column)))) &&
            gtk_text_buffer_get_has_selection (px_source_view_get_buffer (column)))
          found = c;
      }
  /* no text selected: the selected sentence, so that the keyboard can do it */
  if (found < 0)
    {
      guint segment;

      if (!px_window_get_selection (self->window, doc, &segment) || *doc >= px_window_get_n_columns (self->window))
        return FALSE;
      {
        PxDocument *document = px_source_view_get_document (px_window_get_column (self->window, *doc));
        const PxSegment *seg = px_document_get_segment (document, segment);

        *start = seg->start;
        *end = seg->end;
        return *start < *end;
      }
    }

  {
    PxSourceView *column = px_window_get_column (self->window, found);
    const char *text = px_document_get_text (px_source_view_get_document (column), NULL);
    GtkTextIter s, e;

    gtk_text_buffer_get_selection_bounds (px_source_view_get_buffer (column), &s, &e);
    *doc = found;
    *start = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&s)) - text;
    *end = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&e)) - text;
  }
  return *start < *end;
}

static void
add_action_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  PxNotes *self = user_data;
  guint doc, start, end;
  g_autofree char *quote = NULL;

  if (self->window == NULL)
    return;
  if (!find_selection (self, &doc, &start, &end))
    {
      gtk_widget_error_bell (GTK_WIDGET (self->window));
      return;
    }
  quote = px_document_dup_slice (px_source_view_get_document (px_window_get_column (self->window, doc)), start, end);
  present_editor (self, NULL, doc, start, end, quote);
}

static void
edit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PxNotes *self = user_data;
  PxAnnotation *annotation = px_session_find_annotation (self->session, g_variant_get_string (parameter, NULL));
  g_autofree char *quote = NULL;

  if (annotation == NULL || self->window == NULL)
    return;
  quote = px_annotation_dup_exact (annotation);
  present_editor (self, annotation, 0, 0, 0, quote != NULL ? quote : "");
}

static void
remove_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PxNotes *self = user_data;
  PxAnnotation *annotation = px_session_find_annotation (self->session, g_variant_get_string (parameter, NULL));

  if (annotation != NULL)
    px_session_remove_annotation (self->session, annotation);
}

static void
jump_to (PxNotes      *self,
         PxAnnotation *annotation)
{
  g_autofree char *id = px_annotation_dup_document_id (annotation);
  int column = column_of_document_id (self, id);
  guint start, end;

  if (column < 0 || px_annotation_get_anchor_status (annotation) == PX_ANCHOR_ORPHANED)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->window));
      return;
    }
  px_annotation_get_range (annotation, &start, &end);
  px_source_view_scroll_to_range (px_window_get_column (self->window, column), start, end);
  px_source_view_flash_range (px_window_get_column (self->window, column), start, end);
}

static void
jump_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PxNotes *self = user_data;
  PxAnnotation *annotation = px_session_find_annotation (self->session, g_variant_get_string (parameter, NULL));

  if (annotation != NULL && self->window != NULL)
    jump_to (self, annotation);
}

/* ---- files ---- */

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PxNotes) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!px_export_html_file_finish (result, &error))
    show_error (self, _("Could Not Export the Report"), error->message);
  else if (self->window != NULL && self->report != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->report);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      AdwToast *toast = adw_toast_new_format (_("Exported “%s”"), escaped);

      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "notes.open-report");
      px_window_add_toast (self->window, toast);
    }
}

static void
open_report_action_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  PxNotes *self = user_data;
  g_autofree char *uri = NULL;

  if (self->window == NULL || self->report == NULL)
    return;
  uri = g_file_get_uri (self->report);
  gtk_show_uri (GTK_WINDOW (self->window), uri, GDK_CURRENT_TIME);
}

static void
export_chosen_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(PxNotes) self = user_data;
  g_autoptr(GFile) file = NULL;
  PxComparison *comparison;

  if (response == GTK_RESPONSE_ACCEPT && self->window != NULL &&
      (comparison = px_window_get_comparison (self->window)) != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_set_object (&self->report, file);
      px_export_html_file_async (comparison, px_session_get_annotations (self->session), file, NULL,
                                 export_done_cb, g_object_ref (self));
    }
  g_object_unref (dialog);
}

static void
export_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  PxNotes *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->window == NULL || px_window_get_comparison (self->window) == NULL)
    {
      if (self->window != NULL)
        gtk_widget_error_bell (GTK_WIDGET (self->window));
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  {
    g_autofree char *name = px_notes_suggest_name (self, ".html");

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  }
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PxNotes) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!px_session_save_finish (PX_SESSION (source), result, &error))
    {
      show_error (self, _("Could Not Save the Session"), error->message);
      self->closing = FALSE;
      return;
    }
  set_unsaved (self, FALSE);
  forget_recovery (self);
  if (self->file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (self->file);

      px_application_add_recent (self->window != NULL ? gtk_window_get_application (GTK_WINDOW (self->window)) : NULL, uri);
    }
  if (!self->closing && self->window != NULL && self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *escaped = g_markup_escape_text (name, -1);
      AdwToast *toast = adw_toast_new_format (_("Saved “%s”"), escaped);

      adw_toast_set_timeout (toast, 3);
      px_window_add_toast (self->window, toast);
    }
  if (self->closing && self->window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->window));
}

void
px_notes_save_to (PxNotes *self,
                  GFile   *file)
{
  set_file (self, file);
  px_session_save_async (self->session, file, G_PRIORITY_DEFAULT, NULL, save_done_cb, g_object_ref (self));
}

static void
save_as_chosen_cb (GtkNativeDialog *dialog,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(PxNotes) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      px_notes_save_to (self, file);
    }
  else
    self->closing = FALSE;
  g_object_unref (dialog);
}

static void
save_as_action_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  PxNotes *self = user_data;
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->window == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Session"), GTK_WINDOW (self->window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Parallax Sessions"));
  gtk_file_filter_add_pattern (filter, "*.parallax");
  gtk_file_filter_add_mime_type (filter, "application/x-parallax-session+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  {
    g_autofree char *name = px_notes_suggest_name (self, ".parallax");

    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  }
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  PxNotes *self = user_data;

  if (self->file != NULL)
    px_notes_save_to (self, self->file);
  else
    save_as_action_cb (action, parameter, user_data);
}

/* Closing with unsaved highlights asks first. */
static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PxNotes          *self)
{
  if (self->window == NULL)
    return;
  if (g_strcmp0 (response, "discard") == 0)
    {
      set_unsaved (self, FALSE);
      forget_recovery (self);
      gtk_window_destroy (GTK_WINDOW (self->window));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->closing = TRUE;
      save_action_cb (NULL, NULL, self);
    }
}

static gboolean
close_request_cb (GtkWindow *window,
                  PxNotes   *self)
{
  const char *ids[3] = { "cancel", "discard", "save" };
  const char *labels[3] = { _("_Cancel"), _("_Discard"), _("_Save…") };

  if (!self->unsaved || px_session_get_annotations (self->session)->len == 0)
    {
      forget_recovery (self);
      return FALSE;
    }
  present_choice (window, _("Save Highlights?"),
                  _("Your highlights and notes are not saved in a session file yet. "
                    "Without saving they are lost."),
                  ids, labels, G_CALLBACK (close_response_cb), self);
  return TRUE;
}

void
px_notes_adopt_session (PxNotes   *self,
                        PxSession *session,
                        GFile     *file,
                        gboolean   restored)
{
  GPtrArray *annotations;

  g_return_if_fail (PX_IS_NOTES (self));
  g_return_if_fail (PX_IS_SESSION (session));

  g_clear_handle_id (&self->sync_idle, g_source_remove);
  sync_sources (self);
  annotations = px_session_get_annotations (session);
  for (guint a = 0; a < annotations->len; a++)
    {
      PxAnnotation *annotation = g_ptr_array_index (annotations, a);
      g_autofree char *id = px_annotation_dup_document_id (annotation);

      gboolean known = FALSE;

      for (guint d = 0; d < px_session_get_n_documents (self->session) && !known; d++)
        known = g_strcmp0 (px_document_get_id (px_session_get_document (self->session, d)), id) == 0;
      if (known && px_session_find_annotation (self->session, px_annotation_get_id (annotation)) == NULL)
        px_session_add_annotation (self->session, annotation);
    }
  if (restored)
    {
      /* a restored session is not saved anywhere yet */
      set_file (self, NULL);
      mark_unsaved (self);
    }
  else
    {
      set_file (self, file);
      set_unsaved (self, FALSE);
    }
  px_notes_refresh (self);
}

GPtrArray *
px_notes_dup_annotations_for (PxNotes    *self,
                              PxDocument *document)
{
  int index;

  g_return_val_if_fail (PX_IS_NOTES (self), NULL);
  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  index = session_index_of (self, document);
  if (index < 0)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return px_session_dup_annotations_for_document (self->session, index);
}

void
px_notes_restore_annotations (PxNotes   *self,
                              GPtrArray *annotations)
{
  g_return_if_fail (PX_IS_NOTES (self));
  g_return_if_fail (annotations != NULL);

  /* the source first, then what lies on it */
  g_clear_handle_id (&self->sync_idle, g_source_remove);
  sync_sources (self);
  for (guint a = 0; a < annotations->len; a++)
    {
      PxAnnotation *annotation = g_ptr_array_index (annotations, a);
      g_autofree char *id = px_annotation_dup_document_id (annotation);
      gboolean known = FALSE;

      for (guint d = 0; d < px_session_get_n_documents (self->session) && !known; d++)
        known = g_strcmp0 (px_document_get_id (px_session_get_document (self->session, d)), id) == 0;
      if (known && !g_ptr_array_find (px_session_get_annotations (self->session), annotation, NULL))
        px_session_add_annotation (self->session, annotation);
    }
  px_notes_refresh (self);
}

static void
set_enabled (PxNotes    *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
px_notes_update_actions (PxNotes *self)
{
  gboolean any;

  g_return_if_fail (PX_IS_NOTES (self));

  if (self->actions == NULL)
    return;
  any = self->window != NULL && g_list_model_get_n_items (self->sources) > 0;
  set_enabled (self, "save", any);
  set_enabled (self, "save-as", any);
  set_enabled (self, "add", any);
  set_enabled (self, "export", any && px_window_get_comparison (self->window) != NULL);
}

GFile *
px_notes_get_file (PxNotes *self)
{
  g_return_val_if_fail (PX_IS_NOTES (self), NULL);
  return self->file;
}

/* ---- the list ---- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PxNotes                  *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *source = gtk_label_new (NULL);
  GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *quote = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "px-note-row");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_add_css_class (remove, "flat");
  px_tooltip_set_text (edit, _("Edit Highlight"));
  px_tooltip_set_text (remove, _("Remove Highlight"));
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_lines (GTK_LABEL (quote), 3);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (quote, "px-note-quote");
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);

  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), source);
  gtk_box_append (GTK_BOX (top), edit);
  gtk_box_append (GTK_BOX (top), remove);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), quote);
  gtk_box_append (GTK_BOX (box), note);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PxNotes                  *self)
{
  PxAnnotation *annotation = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_first_child (top);
  GtkWidget *source = gtk_widget_get_next_sibling (label);
  GtkWidget *edit = gtk_widget_get_next_sibling (source);
  GtkWidget *remove = gtk_widget_get_next_sibling (edit);
  GtkWidget *quote = gtk_widget_get_next_sibling (top);
  GtkWidget *note = gtk_widget_get_next_sibling (quote);
  g_autofree char *name = px_annotation_dup_label (annotation);
  g_autofree char *exact = px_annotation_dup_exact (annotation);
  g_autofree char *text = px_annotation_dup_note (annotation);
  g_autofree char *id = px_annotation_dup_document_id (annotation);
  g_autofree char *quoted = quote_text (exact);
  g_autofree char *where = NULL;
  int column = column_of_document_id (self, id);

  if (px_annotation_get_anchor_status (annotation) == PX_ANCHOR_ORPHANED)
    where = g_strdup (_("not found in its source"));
  else if (column >= 0)
    where = g_strdup_printf (_("Source %d"), column + 1);
  else
    where = g_strdup ("");

  gtk_label_set_text (GTK_LABEL (label), px_label_get_display_name (name));
  gtk_label_set_text (GTK_LABEL (source), where);
  gtk_label_set_text (GTK_LABEL (quote), quoted);
  gtk_label_set_text (GTK_LABEL (note), text != NULL ? text : "");
  gtk_widget_set_visible (note, text != NULL && *text != '\0');
  /* the target first: an action name alone would not match the "s" parameter */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (edit), "s", px_annotation_get_id (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "notes.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", px_annotation_get_id (annotation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "notes.remove");
}

static void
row_activated_cb (GtkListView *view,
                  guint        position,
                  PxNotes     *self)
{
  g_autoptr(PxAnnotation) annotation = g_list_model_get_item (px_session_get_annotation_model (self->session), position);

  if (annotation != NULL && self->window != NULL)
    jump_to (self, annotation);
}

static void
update_list_page (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkStack   *stack)
{
  gtk_stack_set_visible_child_name (stack, g_list_model_get_n_items (model) > 0 ? "list" : "empty");
}

GtkWidget *
px_notes_create_list (PxNotes *self)
{
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GListModel *model = px_session_get_annotation_model (self->session);
  GtkWidget *view;

  g_return_val_if_fail (PX_IS_NOTES (self), NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (model))), factory);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (view), TRUE);
  gtk_widget_add_css_class (view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Highlights"), -1);
  g_signal_connect (view, "activate", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Highlights"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Select text in a column and press Ctrl+M to mark it as a key claim, "
                                     "a contradiction or something to check, with a note."));
  gtk_widget_add_css_class (empty, "compact");

  gtk_widget_set_vexpand (stack, TRUE);
  gtk_stack_add_named (GTK_STACK (stack), scrolled, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  g_signal_connect_object (model, "items-changed", G_CALLBACK (update_list_page), stack, 0);
  update_list_page (model, 0, 0, 0, GTK_STACK (stack));
  return stack;
}

/* ---- after a crash ---- */

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PxNotes          *self)
{
  g_autoptr(GFile) recovery = px_notes_get_recovery_file ();

  if (self->window == NULL)
    return;
  if (g_strcmp0 (response, "restore") == 0)
    px_window_open_session (self->window, recovery, TRUE);
  else if (g_strcmp0 (response, "discard") == 0)
    g_file_delete (recovery, NULL, NULL);
}

/* A recovery file left behind means highlights were not saved when
 * Parallax last stopped: offer them back. */
static void
offer_recovery (PxNotes *self)
{
  g_autoptr(GFile) recovery = px_notes_get_recovery_file ();
  const char *ids[3] = { "later", "discard", "restore" };
  const char *labels[3] = { _("_Later"), _("_Discard"), _("_Restore") };

  if (!g_file_query_exists (recovery, NULL))
    return;
  present_choice (GTK_WINDOW (self->window), _("Restore Unsaved Highlights?"),
                  _("Parallax stopped before your last highlights and notes were saved. "
                    "They can be opened again with their sources."),
                  ids, labels, G_CALLBACK (recovery_response_cb), self);
}

/* ---- the object ---- */

static void
px_notes_dispose (GObject *object)
{
  PxNotes *self = PX_NOTES (object);

  g_clear_handle_id (&self->sync_idle, g_source_remove);
  g_clear_handle_id (&self->autosave, g_source_remove);
  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  g_clear_object (&self->sources);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (px_session_get_annotation_model (self->session), self);
  g_clear_object (&self->session);
  g_clear_object (&self->file);
  g_clear_object (&self->report);
  g_clear_object (&self->actions);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (px_notes_parent_class)->dispose (object);
}

static void
px_notes_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PxNotes *self = PX_NOTES (object);

  switch (prop_id)
    {
    case PROP_UNSAVED:
      g_value_set_boolean (value, self->unsaved);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_notes_class_init (PxNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = px_notes_dispose;
  object_class->get_property = px_notes_get_property;

  /* what a save would change is not saved yet */
  properties[PROP_UNSAVED] =
    g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* where the session was saved or opened from */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_notes_init (PxNotes *self)
{
  self->session = px_session_new ();
}

PxNotes *
px_notes_new (PxWindow *window)
{
  static const GActionEntry entries[] = {
    { "add", add_action_cb },
    { "edit", edit_action_cb, "s" },
    { "remove", remove_action_cb, "s" },
    { "jump", jump_action_cb, "s" },
    { "export", export_action_cb },
    { "save", save_action_cb },
    { "save-as", save_as_action_cb },
    { "open-report", open_report_action_cb },
  };
  PxNotes *self;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_return_val_if_fail (PX_IS_WINDOW (window), NULL);

  self = g_object_new (PX_TYPE_NOTES, NULL);
  g_set_weak_pointer (&self->window, window);
  self->sources = g_object_ref (px_window_get_sources (window));
  g_signal_connect (self->sources, "items-changed", G_CALLBACK (sources_changed_cb), self);
  g_signal_connect (px_session_get_annotation_model (self->session), "items-changed",
                    G_CALLBACK (annotations_changed_cb), self);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), self);
  self->actions = g_object_ref (group);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "notes", G_ACTION_GROUP (group));
  /* their keys are the window's (px-window-actions.c) */
  g_signal_connect_object (window, "close-request", G_CALLBACK (close_request_cb), self, 0);

  sync_sources (self);
  set_unsaved (self, FALSE);
  px_notes_update_actions (self);
  offer_recovery (self);
  return self;
}

PxSession *
px_notes_get_session (PxNotes *self)
{
  g_return_val_if_fail (PX_IS_NOTES (self), NULL);
  return self->session;
}

gboolean
px_notes_get_unsaved (PxNotes *self)
{
  g_return_val_if_fail (PX_IS_NOTES (self), FALSE);
  return self->unsaved;
}
