/* fuzz-session.c: session files, loaded, saved and loaded again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What loads must save, and what it saves must load back to the very same
 * bytes: nothing a session holds is lost or changed by a save.
 */
#include "config.h"

#include "px-fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxSession) session = px_session_new_from_bytes (bytes, "fuzz.parallax", &error);
  g_autoptr(PxSession) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (session == NULL)
    {
      g_assert (error != NULL && error->domain == PX_ERROR);
      return 0;
    }
  for (guint i = 0; i < px_session_get_n_documents (session); i++)
    px_fuzz_check_document (px_session_get_document (session, i));

  saved = px_session_to_bytes (session);
  again = px_session_new_from_bytes (saved, "saved.parallax", &error);
  if (again == NULL)
    g_error ("a saved session does not load: %s", error->message);
  g_assert_cmpuint (px_session_get_n_documents (again), ==, px_session_get_n_documents (session));
  g_assert_cmpuint (px_session_get_annotations (again)->len, ==, px_session_get_annotations (session)->len);
  saved_again = px_session_to_bytes (again);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("saving a loaded session changed it");
  return 0;
}
