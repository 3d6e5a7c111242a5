/* px-window-session.c: opening articles and sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Articles are read in workers, each file once; a .parallax session opens
 * as itself (px_session_load_async), in this window while it is empty,
 * else in a new one.
 */
#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-window-private.h"

static void load_session (PxWindow *self,
                          GFile    *file,
                          gboolean  restored);

/* TRUE when @document, or a file at @path, is one of the sources already. */
gboolean
_px_window_is_open (PxWindow   *self,
         const char *path,
         PxDocument *document)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sources));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxDocument) source = g_list_model_get_item (G_LIST_MODEL (self->sources), i);

      if (path != NULL && g_strcmp0 (px_document_get_origin (source), path) == 0)
        return TRUE;
      if (document != NULL && g_strcmp0 (px_document_get_id (source), px_document_get_id (document)) == 0)
        return TRUE;
    }
  return FALSE;
}

void
_px_window_show_skipped (PxWindow   *self,
              const char *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  AdwToast *toast = adw_toast_new_format (_("“%s” is already open"), escaped);

  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportJob *job = user_data;
  g_autoptr(PxWindow) self = job->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_import_file_finish (result, &error);
  guint slot = job->slot;
  gboolean stale = job->generation != self->generation;

  g_free (job);

  /* A file of a replaced batch may finish before it notices the cancel. */
  if (stale || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (document == NULL)
    _px_window_show_toast (self, error->message);
  else
    g_ptr_array_index (self->pending, slot) = g_steal_pointer (&document);

  gtk_progress_bar_pulse (self->progress_bar);
  if (--self->n_pending > 0)
    return;

  for (guint i = 0; i < self->pending->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (self->pending, i);

      if (doc != NULL && _px_window_is_open (self, NULL, doc))
        {
          g_autofree char *fallback = NULL;

          /* the same text under another name */
          _px_window_show_skipped (self, _px_window_document_display_title (doc, &fallback));
        }
      else if (doc != NULL)
        {
          g_autofree char *uri = g_filename_to_uri (px_document_get_origin (doc), NULL, NULL);
          const char * const *warnings = px_document_get_warnings (doc);

          g_list_store_append (self->sources, doc);
          /* what the import had to change: the column's tooltip keeps it */
          if (warnings != NULL && warnings[0] != NULL)
            {
              g_autofree char *fallback = NULL;
              g_autofree char *message = g_strdup_printf ("“%s”: %s",
                                                          _px_window_document_display_title (doc, &fallback),
                                                          warnings[0]);

              _px_window_show_toast (self, message);
            }
          /* the desktop's recent files */
          if (uri != NULL)
            px_application_add_recent (gtk_window_get_application (GTK_WINDOW (self)), uri);
        }
    }
  g_ptr_array_set_size (self->pending, 0);
  _px_window_recompare (self);
}

static void
session_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SessionJob *job = user_data;
  PxWindow *self = job->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = px_session_load_finish (result, &error);

  self->n_loading--;
  if (session == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _px_window_show_toast (self, error->message);
      _px_window_update_busy (self);
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->sources)) > 0)
    {
      /* articles arrived meanwhile: the session gets a window of its own */
      _px_window_update_busy (self);
      load_session (self, job->file, job->restored);
    }
  else
    {
      g_autoptr(GPtrArray) documents = px_session_dup_documents_in_columns (session);
      g_autofree char *unsearched = px_session_dup_unsearched_message (session);

      for (guint j = 0; j < documents->len; j++)
        g_list_store_append (self->sources, g_ptr_array_index (documents, j));
      _px_window_recompare (self);
      px_notes_adopt_session (self->notes, session, job->file, job->restored);
      /* notes that could not be placed in the time allowed are kept, and
       * the reader is told */
      if (unsearched != NULL)
        _px_window_show_toast (self, unsearched);
      if (!job->restored)
        {
          g_autofree char *uri = g_file_get_uri (job->file);

          px_application_add_recent (gtk_window_get_application (GTK_WINDOW (self)), uri);
        }
    }
  _px_window_session_job_free (job);
}

/* A session opens as itself, never merged into other sources: in this
 * window while it is empty, else in a new one. */
static void
load_session (PxWindow *self,
              GFile    *file,
              gboolean  restored)
{
  SessionJob *job;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sources)) > 0 || self->n_pending > 0 || self->n_loading > 0)
    {
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
      PxWindow *other;

      if (application == NULL)
        return;
      other = px_window_new (application);
      gtk_window_present (GTK_WINDOW (other));
      self = other;
    }

  job = g_new0 (SessionJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->restored = restored;
  self->n_loading++;
  _px_window_update_busy (self);
  gtk_progress_bar_pulse (self->progress_bar);
  px_session_load_async (file, G_PRIORITY_DEFAULT, NULL, session_loaded_cb, job);
}

static void
_px_window_open_articles (PxWindow  *self,
               GFile    **files,
               guint      n_files)
{
  /* A new batch replaces one still loading. */
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_ptr_array_set_size (self->pending, 0);

  self->generation++;
  self->opened_at = g_get_monotonic_time ();
  self->import_cancellable = g_cancellable_new ();
  self->n_pending = n_files;
  g_ptr_array_set_size (self->pending, n_files);
  _px_window_update_busy (self);
  gtk_progress_bar_pulse (self->progress_bar);

  for (guint i = 0; i < n_files; i++)
    {
      ImportJob *job = g_new0 (ImportJob, 1);

      job->window = g_object_ref (self);
      job->slot = i;
      job->generation = self->generation;
      px_import_file_async (files[i], G_PRIORITY_DEFAULT, self->import_cancellable, imported_cb, job);
    }
}

void
px_window_open_files (PxWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GPtrArray) sessions = g_ptr_array_new ();

  g_return_if_fail (PX_IS_WINDOW (self));

  /* Saved sessions open with their sources and the reader's notes, each
   * as itself; articles are read in workers, each file once. */
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      gboolean again = FALSE;

      if (path != NULL && px_session_is_session_file (path, NULL, 0))
        {
          g_ptr_array_add (sessions, files[i]);
          continue;
        }
      for (guint j = 0; j < articles->len && !again; j++)
        again = g_file_equal (g_ptr_array_index (articles, j), files[i]);
      if (again || _px_window_is_open (self, path, NULL))
        {
          g_autofree char *name = g_file_get_basename (files[i]);

          _px_window_show_skipped (self, name);
          continue;
        }
      g_ptr_array_add (articles, files[i]);
    }
  /* articles of the same batch come first: the sessions then open apart */
  if (articles->len > 0)
    {
      guint n = articles->len;

      _px_window_open_articles (self, (GFile **)articles->pdata, n);
    }
  for (guint i = 0; i < sessions->len; i++)
    load_session (self, g_ptr_array_index (sessions, i), FALSE);
}

void
px_window_open_session (PxWindow *self,
                        GFile    *file,
                        gboolean  restored)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  load_session (self, file, restored);
}
