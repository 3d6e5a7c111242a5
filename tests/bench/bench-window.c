/* bench-window.c: how soon the window shows, and whether it ever stalls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A benchmark, not a test: run it through bench-window.py under Xvfb.
 *
 *   bench-window [--t0 USEC] [--generate N,WORDS] [FILE…]
 *
 * Opens FILE… (or N generated articles of about WORDS words each) in the
 * application as `parallax FILE…` does, and prints, in milliseconds from
 * --t0 (a CLOCK_MONOTONIC time in µs taken by the caller before it started
 * this process; else from main ()):
 *   first-frame       the window's first painted frame
 *   columns-frame     the first frame painted with every column's text
 *   compared          the comparison's result handed to the window
 *   columns-highlighted  every column's highlights applied
 *   highlights        and the fact sidebar's rows all made
 * and, from opening to the highlights, the main loop's iterations (the
 * time between one poll's return and the next poll: the work of one
 * iteration): the longest, the number over 16 ms and the total; the same
 * in the main thread's CPU time, which other processes on a shared
 * machine do not stretch.
 * PX_BENCH_TRACE=1 lists each iteration over 16 ms on stderr.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "px-application.h"
#include "px-source-view.h"
#include "px-window.h"

#define BUDGET_USEC (16 * 1000)

static gint64    t0;
static gint64    poll_returned;
static gboolean  measuring;
static gint64    longest;
static guint     n_over;
/* the same in the main thread's CPU time: what a busy machine (other
 * processes on its cores) does not stretch */
static gint64    poll_returned_cpu;
static gint64    longest_cpu;
static guint     n_over_cpu;
static guint     n_iterations;
static gint64    startup_done, open_done;
static gint64    first_frame, columns_frame, compared, columns_highlighted, highlights;
static guint     n_expected;
static GPollFunc default_poll;
static gboolean  trace;
/* Of the frames in the current iteration. GDK's own handlers of each
 * phase run before these (they were connected first, when the surface
 * was made): the layout runs from the end of "update" to the end of
 * "layout", the paint from there to the end of "paint". */
static gint64    frame_start, frame_time, layout_time, paint_time, phase_start;

static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
watch_poll (GPollFD *fds,
            guint    nfds,
            int      timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (measuring && poll_returned > 0)
    {
      gint64 busy = now - poll_returned;
      gint64 busy_cpu = thread_cpu_time () - poll_returned_cpu;

      longest_cpu = MAX (longest_cpu, busy_cpu);
      if (busy_cpu > BUDGET_USEC)
        n_over_cpu++;

      n_iterations++;
      longest = MAX (longest, busy);
      if (busy > BUDGET_USEC)
        n_over++;
      if (trace && (busy > BUDGET_USEC || busy_cpu > BUDGET_USEC))
        fprintf (stderr, "iteration of %.1f ms (CPU %.1f ms) at %.1f ms%s (layout %.1f ms, paint %.1f ms, frame %.1f ms)\n",
                 busy / 1000.0, busy_cpu / 1000.0, (poll_returned - t0) / 1000.0, frame_time > 0 ? ", a frame" : "",
                 layout_time / 1000.0, paint_time / 1000.0, frame_time / 1000.0);
    }
  frame_time = layout_time = paint_time = 0;
  result = default_poll (fds, nfds, timeout);
  poll_returned = g_get_monotonic_time ();
  poll_returned_cpu = thread_cpu_time ();
  return result;
}

static double
ms (gint64 t)
{
  return t > 0 ? (t - t0) / 1000.0 : -1;
}

static gboolean
quit_cb (gpointer data)
{
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_REMOVE;
}

static void
before_paint_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
update_cb (GdkFrameClock *clock)
{
  phase_start = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock)
{
  gint64 now = g_get_monotonic_time ();

  layout_time += now - phase_start;
  phase_start = now;
}

static void
paint_cb (GdkFrameClock *clock)
{
  paint_time += g_get_monotonic_time () - phase_start;
}

static void
after_paint_cb (GdkFrameClock *clock,
                PxWindow      *window)
{
  gint64 now = g_get_monotonic_time ();

  frame_time += now - frame_start;

  if (first_frame == 0)
    first_frame = now;
  if (columns_frame == 0 && n_expected > 0 && px_window_get_n_columns (window) == n_expected)
    columns_frame = now;
}

/* Polled, so that the benchmark itself asks for no frame. */
static gboolean
check_done_cb (gpointer data)
{
  PxWindow *window = data;
  gint64 now = g_get_monotonic_time ();

  if (compared == 0 && px_window_get_comparison (window) != NULL)
    compared = now;
  if (compared != 0 && columns_highlighted == 0)
    {
      gboolean pending = FALSE;

      for (guint c = 0; c < px_window_get_n_columns (window) && !pending; c++)
        pending = px_source_view_get_highlights_pending (px_window_get_column (window, c));
      if (!pending)
        columns_highlighted = now;
    }
  if (compared != 0 && !px_window_get_busy (window) && !px_window_get_highlights_pending (window))
    {
      highlights = now;
      measuring = FALSE;
      g_idle_add (quit_cb, gtk_window_get_application (GTK_WINDOW (window)));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "before-paint", G_CALLBACK (before_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "update", G_CALLBACK (update_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "paint", G_CALLBACK (paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), widget);
  g_timeout_add (2, check_done_cb, widget);
}

static void
startup_cb (GApplication *app)
{
  startup_done = g_get_monotonic_time ();
}

static void
open_cb (GApplication *app)
{
  open_done = g_get_monotonic_time ();
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (PX_IS_WINDOW (window))
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
}

/* Articles alike enough to link: each retells most sentences of one story
 * in its own words (a synonym, another number here and there). */
static char **
generate_articles (const char *dir,
                   guint       n,
                   guint       words)
{
  static const char * const places[] = { "Kessel", "Marlow", "Orlin", "Astana", "Brno", "Tartu", "Lagos", "Cusco" };
  static const char * const bodies[] = { "council", "ministry", "committee", "assembly", "agency", "court" };
  static const char * const verbs[][2] = {
    { "approved", "backed" }, { "rejected", "turned down" }, { "announced", "said" },
    { "built", "completed" }, { "funded", "paid for" }, { "delayed", "postponed" },
  };
  static const char * const things[] = { "bridge", "road", "school", "hospital", "harbour", "railway", "library" };
  static const char * const months[] = { "January", "March", "May", "June", "September", "November" };
  g_autoptr(GRand) story_rand = g_rand_new_with_seed (18);
  GStrvBuilder *paths = g_strv_builder_new ();
  guint n_story = words / 14;
  g_autoptr(GPtrArray) story = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < n_story; s++)
    {
      guint v = g_rand_int_range (story_rand, 0, G_N_ELEMENTS (verbs));

      g_ptr_array_add (story, g_strdup_printf ("%s|%s|%u|%s|%s|%u|%u|%s",
                                               places[g_rand_int_range (story_rand, 0, G_N_ELEMENTS (places))],
                                               bodies[g_rand_int_range (story_rand, 0, G_N_ELEMENTS (bodies))],
                                               v,
                                               things[g_rand_int_range (story_rand, 0, G_N_ELEMENTS (things))],
                                               months[g_rand_int_range (story_rand, 0, G_N_ELEMENTS (months))],
                                               (guint)g_rand_int_range (story_rand, 1, 29),
                                               (guint)g_rand_int_range (story_rand, 2, 900),
                                               places[g_rand_int_range (story_rand, 0, G_N_ELEMENTS (places))]));
    }

  for (guint a = 0; a < n; a++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (1000 + a);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("article-%02u.txt", a + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      guint written = 0;

      g_string_append_printf (text, "Report %u on the works of the %s\n\n", a + 1, things[a % G_N_ELEMENTS (things)]);
      for (guint s = 0; written < words; s = (s + 1) % n_story)
        {
          g_auto(GStrv) f = NULL;
          gboolean other = g_rand_boolean (rand);
          guint amount;

          if (g_rand_int_range (rand, 0, 10) < 2)
            continue;   /* a sentence this source leaves out */
          f = g_strsplit (g_ptr_array_index (story, s), "|", -1);
          amount = atoi (f[6]);
          if (g_rand_int_range (rand, 0, 10) == 0)
            amount += 1 + g_rand_int_range (rand, 0, 5);   /* a detail that differs */
          if (other)
            g_string_append_printf (text, "On %s %s, the %s of %s %s a new %s worth %u million euros, "
                                    "according to officials who spoke to reporters in %s. ",
                                    f[4], f[5], f[1], f[0], verbs[atoi (f[2])][1], f[3], amount, f[7]);
          else
            g_string_append_printf (text, "The %s of %s %s the %s, worth %u million euros, on %s %s, "
                                    "officials told reporters in %s. ",
                                    f[1], f[0], verbs[atoi (f[2])][0], f[3], amount, f[4], f[5], f[7]);
          written += other ? 22 : 19;
          if (g_rand_int_range (rand, 0, 4) == 0)
            g_string_append (text, "\n\n");
        }
      g_string_append_c (text, '\n');
      if (!g_file_set_contents (path, text->str, text->len, &error))
        g_error ("%s", error->message);
      g_strv_builder_add (paths, path);
    }
  return g_strv_builder_end (paths);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(PxApplication) app = NULL;
  g_autoptr(GStrvBuilder) args = g_strv_builder_new ();
  g_auto(GStrv) app_argv = NULL;
  g_auto(GStrv) generated = NULL;
  g_autofree char *dir = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  xmlInitParser ();

  t0 = start;
  trace = g_getenv ("PX_BENCH_TRACE") != NULL;
  g_strv_builder_add (args, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--t0") == 0 && i + 1 < argc)
        t0 = g_ascii_strtoll (argv[++i], NULL, 10);
      else if (g_strcmp0 (argv[i], "--generate") == 0 && i + 1 < argc)
        {
          guint n = 0, words = 0;

          if (sscanf (argv[++i], "%u,%u", &n, &words) != 2 || n == 0 || words == 0)
            g_error ("--generate N,WORDS");
          dir = g_dir_make_tmp ("px-bench-window-XXXXXX", NULL);
          generated = generate_articles (dir, n, words);
          for (guint a = 0; generated[a] != NULL; a++)
            g_strv_builder_add (args, generated[a]);
          n_expected += n;
        }
      else
        {
          g_strv_builder_add (args, argv[i]);
          n_expected++;
        }
    }
  app_argv = g_strv_builder_end (args);

  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, watch_poll);
  measuring = TRUE;

  /* as main.c does */
  px_application_choose_renderer ("/dev/dri");
  g_set_application_name (_("Parallax"));
  app = px_application_new ();
  /* one process per run, whatever else is running */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_signal_connect (app, "startup", G_CALLBACK (startup_cb), NULL);
  g_signal_connect_after (app, "open", G_CALLBACK (open_cb), NULL);
  status = g_application_run (G_APPLICATION (app), g_strv_length (app_argv), app_argv);

  printf ("main %.1f\n", ms (start));
  printf ("startup %.1f\n", ms (startup_done));
  printf ("opened %.1f\n", ms (open_done));
  printf ("first-frame %.1f\n", ms (first_frame));
  printf ("columns-frame %.1f\n", ms (columns_frame));
  printf ("compared %.1f\n", ms (compared));
  printf ("columns-highlighted %.1f\n", ms (columns_highlighted));
  printf ("highlights %.1f\n", ms (highlights));
  printf ("iterations %u\n", n_iterations);
  printf ("longest-iteration %.1f\n", longest / 1000.0);
  printf ("iterations-over-16ms %u\n", n_over);
  printf ("longest-iteration-cpu %.1f\n", longest_cpu / 1000.0);
  printf ("iterations-over-16ms-cpu %u\n", n_over_cpu);

  for (guint a = 0; generated != NULL && generated[a] != NULL; a++)
    g_unlink (generated[a]);
  if (dir != NULL)
    g_rmdir (dir);
  return status;
}
