/* test-segment.c: sentences, kinds and tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "parallax-core.h"

static PxDocument *
import (const char *text)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_import_text (text, strlen (text), "t.txt", &error);

  g_assert_no_error (error);
  return document;
}

/* Segments joined with " | ", each prefixed by its kind's first letter when
 * it is not a sentence. */
static char *
describe (PxDocument *document)
{
  GString *out = g_string_new (NULL);
  const char *text = px_document_get_text (document, NULL);

  for (guint i = 0; i < px_document_get_n_segments (document); i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);

      if (i > 0)
        g_string_append (out, " | ");
      if (seg->kind != PX_SEGMENT_SENTENCE)
        g_string_append_printf (out, "%c:", px_segment_kind_to_string (seg->kind)[0]);
      g_string_append_len (out, text + seg->start, seg->end - seg->start);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *name;
  const char *input;
  const char *expected;
} Case;

static const Case cases[] = {
  { "simple", "One sentence. Another one! A third?", "One sentence. | Another one! | A third?" },
  { "abbreviation-month", "The meeting was on Jan. 12 in Astana. It ended late.",
    "The meeting was on Jan. 12 in Astana. | It ended late." },
  { "abbreviation-title", "Mr. Smith met Dr. Jones. They talked.", "Mr. Smith met Dr. Jones. | They talked." },
  { "acronym-with-periods", "The U.S. and the U.N. agreed. Talks go on.",
    "The U.S. and the U.N. agreed. | Talks go on." },
  { "initials", "The novel by J. R. Tolkien sold well. Critics agreed.",
    "The novel by J. R. Tolkien sold well. | Critics agreed." },
  { "decimal", "Turnout was 23.37% at 10am. It rose later.", "Turnout was 23.37% at 10am. | It rose later." },
  { "closing-quote", "“We will win.” The crowd cheered.", "“We will win.” | The crowd cheered." },
  { "quote-spans-sentences", "“It is done. We move on,” she said. Then she left.",
    "“It is done. | We move on,” she said. | Then she left." },
  { "ellipsis", "He paused... Then he spoke.", "He paused... | Then he spoke." },
  { "lowercase-after-period", "It cost 5 bn. dollars in all.", "It cost 5 bn. dollars in all." },
  { "no-final-punctuation", "A sentence without an end", "h:A sentence without an end" },
  { "heading-then-text", "Bridge vote passes\n\nThe vote passed on Sunday. Turnout was high.",
    "h:Bridge vote passes | The vote passed on Sunday. | Turnout was high." },
  { "caption", "The minister spoke.\n\nThe minister in Astana. Photo credit: press office.\n\nShe left.",
    "The minister spoke. | c:The minister in Astana. | c:Photo credit: press office. | She left." },
  { "comment-form", "The vote passed on Sunday after a long campaign.\n\nLeave a Reply\n\nYou are commenting using your Example account. Log Out / Change )\n\nName *\n\nPost Comment",
    "The vote passed on Sunday after a long campaign. | b:Leave a Reply | b:You are commenting using your Example account. | b:Log Out / Change ) | b:Name * | b:Post Comment" },
  { "breadcrumb-and-tags", "Home » News » Region » Bridge\nPolitics Transport Environment Region\n\nBridge vote passes\n\nThe vote passed.",
    "b:Home » News » Region » Bridge | b:Politics Transport Environment Region | h:Bridge vote passes | The vote passed." },
  { "share-bar", "The vote passed.\n\nShare this: Facebook Twitter Email Print",
    "The vote passed. | b:Share this: Facebook Twitter Email Print" },
  { "subscribe", "The vote passed.\n\nGet our stories sent directly to you! Sign up or subscribe to our Twitter, Facebook and YouTube!",
    "The vote passed. | b:Get our stories sent directly to you! | b:Sign up or subscribe to our Twitter, Facebook and YouTube!" },
  { "single-words", "The vote passed.\n\nAdvertisement\n\nTranslate", "The vote passed. | b:Advertisement | b:Translate" },
  /* News sentences that mention chrome words stay content. */
  { "content-with-chrome-words", "The minister said she would share her account of the talks by email next week.",
    "The minister said she would share her account of the talks by email next week." },
  { "hard-wrapped", "The regional government has promised that work would begin\nin the spring if a majority votes yes, the minister said\nafter the meeting.",
    "The regional government has promised that work would begin\nin the spring if a majority votes yes, the minister said\nafter the meeting." },

  /* A full stop without a space before a capital (scraped and machine-
   * translated text) is a break, except after initials, acronyms and
   * abbreviations, inside numbers and web addresses, and in an ellipsis. */
  { "glued-break", "Turnout was high on Monday.The ministry said so.",
    "Turnout was high on Monday. | The ministry said so." },
  { "glued-break-after-quote", "“We have won.”The crowd cheered.", "“We have won.” | The crowd cheered." },
  { "glued-break-question", "Who will pay?Nobody knows yet.", "Who will pay? | Nobody knows yet." },
  { "glued-abbreviation", "The talks with Gen.Marlo ended late.", "The talks with Gen.Marlo ended late." },
  { "glued-month", "The vote is due on Jan.12 in Kessel.", "The vote is due on Jan.12 in Kessel." },
  { "glued-acronym", "Aid from the U.S.The rest came later.", "Aid from the U.S.The rest came later." },
  { "glued-initial", "The novel by J.Tolkien sold well.", "The novel by J.Tolkien sold well." },
  { "glued-decimal", "Turnout was 3.5 points higher.It rose again.", "Turnout was 3.5 points higher. | It rose again." },
  { "glued-web-address", "The results are at www.Example.Org/results now. Counting goes on.",
    "The results are at www.Example.Org/results now. | Counting goes on." },
  { "glued-domain", "See example.com for the results.", "See example.com for the results." },
  { "glued-ellipsis", "He paused...Then he went on.", "He paused...Then he went on." },

  /* Clutter of scraped pages, by cue */
  { "promo-read-more", "The vote passed on Sunday after a long campaign.\n\nREAD MORE: Why the bridge matters to the region and its people\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | b:READ MORE: Why the bridge matters to the region and its people | Turnout was high." },
  { "promo-also-read", "The vote passed on Sunday after a long campaign.\nAlso read : Bridge costs rise to 1.2 billion, builders say\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | b:Also read : Bridge costs rise to 1.2 billion, builders say | Turnout was high." },
  { "promo-alone", "The vote passed on Sunday after a long campaign.\n\nRECOMMENDED\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | b:RECOMMENDED | Turnout was high." },
  { "browser-notice", "Your web browser is no longer supported. To improve your experience update it here\n\nBridge vote passes\n\nThe vote passed on Sunday after a long campaign.",
    "b:Your web browser is no longer supported. | b:To improve your experience update it here | h:Bridge vote passes | The vote passed on Sunday after a long campaign." },
  { "cookie-notice", "The vote passed on Sunday after a long campaign.\n\nWe use cookies to improve your experience. By continuing you accept our cookie policy.",
    "The vote passed on Sunday after a long campaign. | b:We use cookies to improve your experience. | b:By continuing you accept our cookie policy." },
  { "reading-time", "Bridge vote passes\n4 min read\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:4 min read | The vote passed on Sunday after a long campaign." },
  { "caption-agency-photo", "The vote passed on Sunday after a long campaign.\nA voter leaves a polling station in Kessel on Sunday. (Agency Photo/Ann Berg)\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | c:A voter leaves a polling station in Kessel on Sunday. | c:(Agency Photo/Ann Berg) | Turnout was high." },
  { "caption-credit-ellipsis", "Bridge vote passes\n\nCredit…Ann Berg/Agency\n\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:Credit…Ann Berg/Agency | The vote passed on Sunday after a long campaign." },
  { "caption-dash-credit", "Bridge vote passes\n- Agency Photo/Ann Berg\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:- Agency Photo/Ann Berg | The vote passed on Sunday after a long campaign." },
  { "caption-in-this-photo", "In this handout photo released by the regional office, voters queue in Kessel on Sunday.\n\nThe vote passed on Sunday after a long campaign.",
    "c:In this handout photo released by the regional office, voters queue in Kessel on Sunday. | The vote passed on Sunday after a long campaign." },
  { "caption-capital-agency", "The vote passed on Sunday after a long campaign.\n\nVoters queue in Kessel on Sunday. AGENCY/Ann Berg",
    "The vote passed on Sunday after a long campaign. | c:Voters queue in Kessel on Sunday. | c:AGENCY/Ann Berg" },
  { "caption-bracketed-credit", "The vote passed on Sunday after a long campaign.\n\nVoters queue in Kessel on Sunday. (Ann Berg/Wire Agency)\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | c:Voters queue in Kessel on Sunday. | c:(Ann Berg/Wire Agency) | Turnout was high." },
  { "caption-capitals-via", "The vote passed on Sunday after a long campaign.\n\nThe mayor casts her ballot in Kessel. (REGION PRESS OFFICE VIA WIRE)\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | c:The mayor casts her ballot in Kessel. | c:(REGION PRESS OFFICE VIA WIRE) | Turnout was high." },
  { "brackets-in-prose-are-no-credit", "The plan was backed by both parties (the Greens and Labour) after a long debate in the council.",
    "The plan was backed by both parties (the Greens and Labour) after a long debate in the council." },
  /* Alt text beside its credit is a caption; the headline is not. A
   * credit on a line of its own is attribution, not a caption: boilerplate. */
  { "caption-alt-text", "Bridge vote passes\n\nThe bridge at dawn\n(Image credit: Region Office)\n\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | c:The bridge at dawn | b:(Image credit: Region Office) | The vote passed on Sunday after a long campaign." },
  { "byline", "Bridge vote passes\n\n- By Ann Berg\n\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:- By Ann Berg | The vote passed on Sunday after a long campaign." },
  { "byline-doubled", "Bridge vote passes\nAnn BergAnn Berg\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:Ann BergAnn Berg | The vote passed on Sunday after a long campaign." },
  { "tag-list", "Bridge vote passes\nbridge, referendum, kessel\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:bridge, referendum, kessel | The vote passed on Sunday after a long campaign." },
  { "hashtags", "The vote passed on Sunday after a long campaign.\n\n#bridge #Kessel #referendum",
    "The vote passed on Sunday after a long campaign. | b:#bridge #Kessel #referendum" },
  { "end-note-source", "The vote passed on Sunday after a long campaign.\n\nSource: Wire Agency\n\nEditor: Ann Berg",
    "The vote passed on Sunday after a long campaign. | b:Source: Wire Agency | b:Editor: Ann Berg" },
  { "end-note-syndicated", "The vote passed on Sunday after a long campaign.\n\n(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
    "The vote passed on Sunday after a long campaign. | b:(This story has not been edited by our staff and is auto-generated from a syndicated feed.)" },
  { "tags-opener", "The vote passed on Sunday after a long campaign.\n\nTags: Bridge Referendum Kessel",
    "The vote passed on Sunday after a long campaign. | b:Tags: Bridge Referendum Kessel" },
  { "end-note", "The vote passed on Sunday after a long campaign.\n\n(With inputs from agencies)",
    "The vote passed on Sunday after a long campaign. | b:(With inputs from agencies)" },
  { "end-note-reporting", "The vote passed on Sunday after a long campaign.\n\n(Reporting by Ann Berg; Editing by Bo Chen)",
    "The vote passed on Sunday after a long campaign. | b:(Reporting by Ann Berg; Editing by Bo Chen)" },
  { "author-bio", "The vote passed on Sunday after a long campaign in every town of the region.\n\nAnn Berg\nStaff Writer\n\nAnn Berg is a staff writer for the Courier with ten years of experience. She lives in Kessel.",
    "The vote passed on Sunday after a long campaign in every town of the region. | b:Ann Berg | b:Staff Writer | b:Ann Berg is a staff writer for the Courier with ten years of experience. | b:She lives in Kessel." },
  { "author-bio-without-name", "The vote passed on Sunday after a long campaign in every town of the region.\n\nTech enthusiast and media professional with vast experience in local news and gadgets",
    "The vote passed on Sunday after a long campaign in every town of the region. | b:Tech enthusiast and media professional with vast experience in local news and gadgets" },
  { "live-title", "Bridge vote, costs and builders: Live Updates\n\nThe vote passed on Sunday after a long campaign.",
    "b:Bridge vote, costs and builders: Live Updates | The vote passed on Sunday after a long campaign." },

  { "end-note-contributed", "The vote passed on Sunday after a long campaign.\n\nWire writers Ann Berg and Bo Chen contributed to this report.",
    "The vote passed on Sunday after a long campaign. | b:Wire writers Ann Berg and Bo Chen contributed to this report." },
  { "end-note-unbracketed", "The vote passed on Sunday after a long campaign.\n\nReporting by Ann Berg; Editing by Bo Chen",
    "The vote passed on Sunday after a long campaign. | b:Reporting by Ann Berg; Editing by Bo Chen" },
  { "byline-written-by", "Bridge vote passes\n\nWritten by Ann Berg\n\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:Written by Ann Berg | The vote passed on Sunday after a long campaign." },
  { "caption-gallery", "The vote passed on Sunday after a long campaign.\n\n[1/5] Voters queue in Kessel on Sunday, March 12, 2023.\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | c:[1/5] Voters queue in Kessel on Sunday, March 12, 2023. | Turnout was high." },
  { "promo-more", "The vote passed on Sunday after a long campaign.\n\nMORE: Bridge costs explained\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | b:MORE: Bridge costs explained | Turnout was high." },
  { "copyright", "The vote passed on Sunday after a long campaign.\n\n© 2023 Lakeside Courier",
    "The vote passed on Sunday after a long campaign. | b:© 2023 Lakeside Courier" },
  { "rule-line", "The vote passed on Sunday after a long campaign.\n\n___\n\nTurnout was high.",
    "The vote passed on Sunday after a long campaign. | b:___ | Turnout was high." },
  { "timestamp-first-published", "Bridge vote passes\nFirst published on Sun 12 Mar 2023 09.30 GMT\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:First published on Sun 12 Mar 2023 09.30 GMT | The vote passed on Sunday after a long campaign." },
  { "more-than-is-content", "The vote passed on Sunday after a long campaign.\n\nMore than 800,000 people voted, officials said.",
    "The vote passed on Sunday after a long campaign. | More than 800,000 people voted, officials said." },

  /* Clutter by place */
  { "masthead", "Lakeside Courier\n\nBridge vote passes after a long campaign\n\nThe vote passed on Sunday after a long campaign.",
    "b:Lakeside Courier | h:Bridge vote passes after a long campaign | The vote passed on Sunday after a long campaign." },
  { "section-label", "Bridge vote passes after a long campaign\nPOLITICS\nThe vote passed on Sunday after a long campaign in every town of the region.",
    "h:Bridge vote passes after a long campaign | b:POLITICS | The vote passed on Sunday after a long campaign in every town of the region." },

  /* Clutter by repetition */
  { "repeated-headline", "Bridge vote passes after a long campaign\nBridge vote passes after a long campaign\n\nThe vote passed on Sunday after a long campaign.\n\nBridge vote passes after a long campaign",
    "h:Bridge vote passes after a long campaign | b:Bridge vote passes after a long campaign | The vote passed on Sunday after a long campaign. | b:Bridge vote passes after a long campaign" },
  { "pull-quote", "He had promised to finish the bridge within four years of the vote.\n\nTurnout was high.\n\nMayor Ann Berg had promised to finish the bridge within four years of the vote.",
    "He had promised to finish the bridge within four years of the vote. | Turnout was high. | b:Mayor Ann Berg had promised to finish the bridge within four years of the vote." },
  /* A caption that repeats a body sentence is the caption; the sentence stays. */
  { "caption-repeats-sentence", "Bridge vote passes\nThe mayor was expected to win the vote by a wide margin. / AGENCY\n\nTurnout was high on Sunday in every town.\n\nThe mayor was expected to win the vote by a wide margin.",
    "h:Bridge vote passes | c:The mayor was expected to win the vote by a wide margin. / AGENCY | Turnout was high on Sunday in every town. | The mayor was expected to win the vote by a wide margin." },
  /* Captions of one photo series share their wording. */
  { "caption-echo", "The vote passed on Sunday after a long campaign.\nA woman walks past the old bridge in Kessel village, near the lake. (Agency Photo/Ann Berg)\nTurnout was high.\nBoats pass the old bridge in Kessel village, near Marlow",
    "The vote passed on Sunday after a long campaign. | c:A woman walks past the old bridge in Kessel village, near the lake. | c:(Agency Photo/Ann Berg) | Turnout was high. | c:Boats pass the old bridge in Kessel village, near Marlow" },

  /* Metadata lines are boilerplate; a dateline is in no segment. */
  { "source-line", "source: https://example.org/news/bridge-vote\nBridge vote passes\nThe vote passed on Sunday after a long campaign.",
    "b:source: https://example.org/news/bridge-vote | h:Bridge vote passes | The vote passed on Sunday after a long campaign." },
  { "date-line-with-section", " date 2023-03-12 Region\nBridge vote passes\nThe vote passed on Sunday after a long campaign.",
    "b:date 2023-03-12 Region | h:Bridge vote passes | The vote passed on Sunday after a long campaign." },
  { "date-prefix", " date 2023-03-12 The vote passed on Sunday after a long campaign. Turnout was high.",
    "The vote passed on Sunday after a long campaign. | Turnout was high." },
  { "timestamp", "Bridge vote passes\n05:37 GMT 12.03.2023\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:05:37 GMT 12.03.2023 | The vote passed on Sunday after a long campaign." },
  { "timestamp-words", "Bridge vote passes\nPublished 14:20 BST, 3 May 2023 | Updated 16:05 BST\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:Published 14:20 BST, 3 May 2023 | Updated 16:05 BST | The vote passed on Sunday after a long campaign." },
  { "timestamp-iso", "Bridge vote passes\n2023-03-12T09:30:00Z\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | b:2023-03-12T09:30:00Z | The vote passed on Sunday after a long campaign." },
  { "dateline-agency", "Bridge vote passes\n\nKESSEL (Wire) - The vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | The vote passed on Sunday after a long campaign." },
  { "dateline-dash", "KESSEL – The vote passed on Sunday after a long campaign, officials said.",
    "The vote passed on Sunday after a long campaign, officials said." },
  { "dateline-place-date", "Kessel 12.03.2023 Given the long campaign, the vote passed on Sunday by a wide margin.",
    "Given the long campaign, the vote passed on Sunday by a wide margin." },

  { "date-line-then-dateline", " date 2023-03-12 KESSEL (Wire) - The vote passed on Sunday after a long campaign.",
    "The vote passed on Sunday after a long campaign." },
  { "dateline-agency-after", "KESSEL, March 12 – Wire Agency. The vote passed on Sunday after a long campaign in every town.",
    "The vote passed on Sunday after a long campaign in every town." },
  { "dateline-date-and-agency", "Sept 10 (Wire) - The death toll from the storm rose to 41 on Sunday, officials said.",
    "The death toll from the storm rose to 41 on Sunday, officials said." },
  { "short-line-is-no-dateline", "KESSEL – Results", "h:KESSEL – Results" },

  /* Content that looks like clutter at a glance stays content. */
  { "short-headline-is-no-masthead", "Bridge Vote Passes\n\nVoters back the new link after a long campaign\n\nThe bridge vote passed on Sunday after a long campaign in every town.",
    "h:Bridge Vote Passes | h:Voters back the new link after a long campaign | The bridge vote passed on Sunday after a long campaign in every town." },
  { "headline-with-dash-is-no-dateline", "Region – Bridge vote passes with 58.4 percent of the vote in all towns\n\nThe vote passed on Sunday after a long campaign.",
    "h:Region – Bridge vote passes with 58.4 percent of the vote in all towns | The vote passed on Sunday after a long campaign." },
  { "journalist-in-the-news-is-no-bio", "The vote passed on Sunday after a long campaign in every town of the region.\n\nThe reporter, a freelance journalist with years of experience, said she had been threatened.",
    "The vote passed on Sunday after a long campaign in every town of the region. | The reporter, a freelance journalist with years of experience, said she had been threatened." },

  { "pictured-is-content", "President Ann Berg (pictured) said today that the talks would go on until the end of the week.",
    "President Ann Berg (pictured) said today that the talks would go on until the end of the week." },
  { "dash-aside-is-no-dateline", "Officials – who asked not to be named – said the vote passed on Sunday after a long campaign.",
    "Officials – who asked not to be named – said the vote passed on Sunday after a long campaign." },
  { "name-is-a-in-the-body", "Ann Berg is a former minister who led the campaign for the bridge.\n\nShe said the vote passed on Sunday after a long campaign.\n\nTurnout was high in every town.\n\nCounting ended on Monday.\n\nThe result is final.",
    "Ann Berg is a former minister who led the campaign for the bridge. | She said the vote passed on Sunday after a long campaign. | Turnout was high in every town. | Counting ended on Monday. | The result is final." },
  { "list-of-names-is-no-tag-list", "Bridge vote passes\nKessel, Marlow and Orlin\nThe vote passed on Sunday after a long campaign.",
    "h:Bridge vote passes | h:Kessel, Marlow and Orlin | The vote passed on Sunday after a long campaign." },
  { "wrapped-line-is-no-tag-list", "The plan covers the bridge, the roads and a multi-modal portfolio, spanning\nroad building, ferry services, rail links,\nand the new harbour works.",
    "The plan covers the bridge, the roads and a multi-modal portfolio, spanning\nroad building, ferry services, rail links,\nand the new harbour works." },
  /* text wrapped at a fixed width: one sentence, however its lines fall */
  { "wrapped-at-width", "Broadcom will acquire all of the\noutstanding shares of VMware\nin a cash deal. In addition, it will assume $8 billion of\nVMware net debt.",
    "Broadcom will acquire all of the\noutstanding shares of VMware\nin a cash deal. | In addition, it will assume $8 billion of\nVMware net debt." },
  { "repeated-subheadings-stay", "Results\n\nThe vote passed on Sunday after a long campaign.\n\nResults\n\nTurnout was high in every town.",
    "h:Results | The vote passed on Sunday after a long campaign. | h:Results | Turnout was high in every town." },
};

static void
test_case (gconstpointer data)
{
  const Case *tc = data;
  g_autoptr(PxDocument) document = import (tc->input);
  g_autofree char *got = describe (document);

  g_assert_cmpstr (got, ==, tc->expected);
}

static void
test_tokens (void)
{
  g_autoptr(PxDocument) document = import ("The multi-vector policy: 8,300,046 voters, 23.37% and the U.S. Tokayev’s CEC.");
  const char *text = px_document_get_text (document, NULL);
  g_autoptr(GString) norms = g_string_new (NULL);

  for (guint i = 0; i < px_document_get_n_tokens (document); i++)
    {
      const PxToken *token = px_document_get_token (document, i);

      /* Offsets slice the text on character boundaries. */
      g_assert_cmpuint (token->start, <, token->end);
      g_assert_true (g_utf8_validate (text + token->start, token->end - token->start, NULL));
      g_string_append_printf (norms, "%s%s", i ? " " : "", token->form->norm);
    }
  g_assert_cmpstr (norms->str, ==, "the multivector policy : 8300046 voters , 23.37 % and the u.s. tokayev's cec .");
}

/* The tokenizer knows a spelling by its first eight bytes and its
 * length, then by the rest: spellings that share a head stay apart, and
 * so do spellings whose bytes end the text. */
static void
test_spellings_apart (void)
{
  g_autoptr(PxDocument) document = import ("Nationalists nationalism nationalist nationalisms "
                                           "Nationali nationalistic nationalist Nationalistic, "
                                           "Nationalistically A a Ab ab nationalist");
  g_autoptr(GString) norms = g_string_new (NULL);

  for (guint i = 0; i < px_document_get_n_tokens (document); i++)
    g_string_append_printf (norms, "%s%s", i ? " " : "", px_document_get_token (document, i)->form->norm);
  g_assert_cmpstr (norms->str, ==, "nationalists nationalism nationalist nationalisms "
                                   "nationali nationalistic nationalist nationalistic , "
                                   "nationalistically a a ab ab nationalist");
  /* The same spelling is the same form, once. */
  g_assert_true (px_document_get_token (document, 2)->form->norm == px_document_get_token (document, 6)->form->norm);
  g_assert_true (px_document_get_token (document, 2)->form->norm == px_document_get_token (document, 14)->form->norm);
}

/* A run of words with no full stop is cut into sentences of
 * PX_SEGMENT_MAX_TOKENS tokens, which cover it, and each segment knows its
 * paragraph. */
static void
test_longest_sentence (void)
{
  const guint n_words = PX_SEGMENT_MAX_TOKENS + 100;
  g_autoptr(GString) text = g_string_new ("A first paragraph.\n\n");
  g_autoptr(PxDocument) document = NULL;
  guint covered = 0;

  for (guint i = 0; i < n_words; i++)
    g_string_append (text, i % 7 ? "word " : "more ");
  g_string_append (text, "end.\n\nA last one.");
  document = import (text->str);

  g_assert_cmpuint (px_document_get_n_paragraphs (document), ==, 3);
  g_assert_cmpuint (px_document_get_n_segments (document), ==, 4);
  g_assert_cmpuint (px_document_get_segment (document, 1)->n_tokens, ==, PX_SEGMENT_MAX_TOKENS);
  for (guint i = 1; i <= 2; i++)
    {
      const PxSegment *seg = px_document_get_segment (document, i);

      g_assert_cmpuint (seg->first_token, ==, px_document_get_segment (document, 1)->first_token + covered);
      covered += seg->n_tokens;
    }
  /* the words, "end" and its full stop */
  g_assert_cmpuint (covered, ==, n_words + 2);
  g_assert_cmpuint (px_document_get_segment_paragraph (document, 0), ==, 0);
  g_assert_cmpuint (px_document_get_segment_paragraph (document, 1), ==, 1);
  g_assert_cmpuint (px_document_get_segment_paragraph (document, 2), ==, 1);
  g_assert_cmpuint (px_document_get_segment_paragraph (document, 3), ==, 2);
}

static void
test_token_flags_and_stems (void)
{
  g_autoptr(PxDocument) document = import ("Elections were held by the CEC in Astana 2022.");
  const PxToken *t;

  t = px_document_get_token (document, 0);  /* Elections */
  g_assert_cmpstr (t->form->stem, ==, "elect");
  g_assert_true (t->form->flags & PX_TOKEN_CAPITALIZED);
  g_assert_false (t->form->flags & PX_TOKEN_STOPWORD);
  t = px_document_get_token (document, 1);  /* were */
  g_assert_true (t->form->flags & PX_TOKEN_STOPWORD);
  t = px_document_get_token (document, 5);  /* CEC */
  g_assert_true (t->form->flags & PX_TOKEN_ALL_CAPS);
  t = px_document_get_token (document, 8);  /* 2022 */
  g_assert_true (t->form->flags & PX_TOKEN_NUMBER);
  g_assert_cmpstr (t->form->norm, ==, "2022");
  t = px_document_get_token (document, 9);  /* . */
  g_assert_true (t->form->flags & PX_TOKEN_PUNCT);
}

static void
test_normalize (void)
{
  static const struct { const char *in, *out; } words[] = {
    { "Multi-Vector", "multivector" },
    { "multi‑vector", "multivector" },
    { "Tokayev’s", "tokayev's" },
    { "ＣＥＣ", "cec" },
    { "ÉLECTION", "élection" },
    { "-", "-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *norm = px_normalize_word (words[i].in, -1);
      g_assert_cmpstr (norm, ==, words[i].out);
    }
  g_assert_true (px_is_stopword ("the"));
  g_assert_true (px_is_stopword ("was"));
  g_assert_false (px_is_stopword ("turnout"));
}

static gpointer
stem_in_thread (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *stem = px_stem_word ("elections", -1);
      g_assert_cmpstr (stem, ==, "elect");
    }
  return NULL;
}

/* Stems come from a cache after the first time: the same answers, also for
 * a word given by length inside a longer string, and after the cache is
 * emptied (more words than it keeps). */
static void
test_stem_cache (void)
{
  static const struct { const char *word; gssize length; const char *stem; } words[] = {
    { "running", -1, "run" }, { "running", -1, "run" }, { "runningmate", 7, "run" },
    { "elections", -1, "elect" }, { "elections!", 9, "elect" }, { "", -1, "" },
  };

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        {
          g_autofree char *stem = px_stem_word (words[i].word, words[i].length);

          g_assert_cmpstr (stem, ==, words[i].stem);
        }
      /* more distinct words than the cache keeps */
      for (guint i = 0; i < 60000; i++)
        {
          char word[32];
          g_autofree char *stem = NULL;

          g_snprintf (word, sizeof word, "word%uings", i);
          stem = px_stem_word (word, -1);
          g_assert_true (g_str_has_prefix (stem, "word"));
        }
    }
}

static void
test_stemmer_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("stem", stem_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

/* Texts of no line, or of blank lines only, have no paragraph (the block
 * of lines was looked up in an empty array). */
static void
test_no_paragraph (void)
{
  static const char * const texts[] = { "", "\n", "\n\n  \n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (PxParagraph));

      px_segment_find_paragraphs (texts[i], strlen (texts[i]), paragraphs);
      g_assert_cmpuint (paragraphs->len, ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/segment/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/core/segment/tokens", test_tokens);
  g_test_add_func ("/core/segment/no-paragraph", test_no_paragraph);
  g_test_add_func ("/core/segment/token-flags-and-stems", test_token_flags_and_stems);
  g_test_add_func ("/core/segment/spellings-apart", test_spellings_apart);
  g_test_add_func ("/core/segment/longest-sentence", test_longest_sentence);
  g_test_add_func ("/core/segment/normalize", test_normalize);
  g_test_add_func ("/core/segment/stem-cache", test_stem_cache);
  g_test_add_func ("/core/segment/stemmer-threads", test_stemmer_threads);

  return g_test_run ();
}
