/* px-facts-lexicon.c: the words the fact extractor knows
 *
 * One table, looked up by the lowercased word. A word can play several
 * parts ("second" is an ordinal and a unit of time, "may" a month and a
 * verb, "pounds" money and weight); the extractor decides by context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "px-facts"

#include "config.h"

#include <string.h>

#include "px-facts-private.h"
#include "px-normalize.h"

static const PxLexEntry lexicon[] = {
  /* cardinal number words */
  { "zero", .number = 0, .flags = PX_LEX_NUMBER },
  { "nought", .number = 0, .flags = PX_LEX_NUMBER },
  { "naught", .number = 0, .flags = PX_LEX_NUMBER },
  { "nil", .number = 0, .flags = PX_LEX_NUMBER },
  { "one", .number = 1, .flags = PX_LEX_NUMBER },
  { "two", .number = 2, .flags = PX_LEX_NUMBER },
  { "three", .number = 3, .flags = PX_LEX_NUMBER },
  { "four", .number = 4, .flags = PX_LEX_NUMBER },
  { "five", .number = 5, .flags = PX_LEX_NUMBER },
  { "six", .number = 6, .flags = PX_LEX_NUMBER },
  { "seven", .number = 7, .flags = PX_LEX_NUMBER },
  { "eight", .number = 8, .flags = PX_LEX_NUMBER },
  { "nine", .number = 9, .flags = PX_LEX_NUMBER },
  { "ten", .number = 10, .flags = PX_LEX_NUMBER },
  { "eleven", .number = 11, .flags = PX_LEX_NUMBER },
  { "twelve", .number = 12, .flags = PX_LEX_NUMBER },
  { "thirteen", .number = 13, .flags = PX_LEX_NUMBER },
  { "fourteen", .number = 14, .flags = PX_LEX_NUMBER },
  { "fifteen", .number = 15, .flags = PX_LEX_NUMBER },
  { "sixteen", .number = 16, .flags = PX_LEX_NUMBER },
  { "seventeen", .number = 17, .flags = PX_LEX_NUMBER },
  { "eighteen", .number = 18, .flags = PX_LEX_NUMBER },
  { "nineteen", .number = 19, .flags = PX_LEX_NUMBER },
  { "twenty", .number = 20, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "thirty", .number = 30, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "forty", .number = 40, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "fourty", .number = 40, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "fifty", .number = 50, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "sixty", .number = 60, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "seventy", .number = 70, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "eighty", .number = 80, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "ninety", .number = 90, .flags = PX_LEX_NUMBER | PX_LEX_TENS },
  { "dozen", .number = 12, .flags = PX_LEX_NUMBER | PX_LEX_MULTIPLIER },
  { "dozens", .number = 12, .flags = PX_LEX_MULTIPLIER },
  { "doz", .number = 12, .flags = PX_LEX_MULTIPLIER }, { "dozs", .number = 12, .flags = PX_LEX_MULTIPLIER },
  { "dz", .number = 12, .flags = PX_LEX_MULTIPLIER }, { "dzs", .number = 12, .flags = PX_LEX_MULTIPLIER },
  { "hundred", .number = 100, .flags = PX_LEX_MULTIPLIER },
  { "hundreds", .number = 100, .flags = PX_LEX_MULTIPLIER },
  { "thousand", .number = 1e3, .flags = PX_LEX_MULTIPLIER },
  { "thousands", .number = 1e3, .flags = PX_LEX_MULTIPLIER },
  { "k", .number = 1e3, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "million", .number = 1e6, .flags = PX_LEX_MULTIPLIER },
  { "millions", .number = 1e6, .flags = PX_LEX_MULTIPLIER },
  { "mln", .number = 1e6, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "mn", .number = 1e6, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "mil", .number = 1e6, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "mm", .number = 1e6, .unit = "mm", .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY | PX_LEX_MONEY_ONLY },
  { "m", .number = 1e6, .unit = "m", .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "billion", .number = 1e9, .flags = PX_LEX_MULTIPLIER },
  { "billions", .number = 1e9, .flags = PX_LEX_MULTIPLIER },
  { "bn", .number = 1e9, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "bln", .number = 1e9, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "b", .number = 1e9, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY | PX_LEX_ATTACHED_ONLY },
  { "lakh", .number = 1e5, .flags = PX_LEX_MULTIPLIER }, { "lakhs", .number = 1e5, .flags = PX_LEX_MULTIPLIER },
  { "crore", .number = 1e7, .flags = PX_LEX_MULTIPLIER }, { "crores", .number = 1e7, .flags = PX_LEX_MULTIPLIER },
  { "trillion", .number = 1e12, .flags = PX_LEX_MULTIPLIER },
  { "trillions", .number = 1e12, .flags = PX_LEX_MULTIPLIER },
  { "tn", .number = 1e12, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },
  { "trn", .number = 1e12, .flags = PX_LEX_MULTIPLIER | PX_LEX_SUFFIX_ONLY },

  /* fractions: the number is the denominator */
  { "half", .number = 2, .flags = PX_LEX_FRACTION },
  { "halves", .number = 2, .flags = PX_LEX_FRACTION },
  { "third", .number = 3, .ordinal = 3, .flags = PX_LEX_FRACTION | PX_LEX_ORDINAL },
  { "thirds", .number = 3, .flags = PX_LEX_FRACTION },
  { "quarter", .number = 4, .flags = PX_LEX_FRACTION },
  { "quarters", .number = 4, .flags = PX_LEX_FRACTION },
  { "fourths", .number = 4, .flags = PX_LEX_FRACTION },
  { "fifths", .number = 5, .flags = PX_LEX_FRACTION },
  { "sixths", .number = 6, .flags = PX_LEX_FRACTION },
  { "sevenths", .number = 7, .flags = PX_LEX_FRACTION },
  { "eighths", .number = 8, .flags = PX_LEX_FRACTION },
  { "ninths", .number = 9, .flags = PX_LEX_FRACTION },
  { "tenths", .number = 10, .flags = PX_LEX_FRACTION },
  { "hundredths", .number = 100, .flags = PX_LEX_FRACTION },

  /* ordinals */
  { "first", .ordinal = 1, .flags = PX_LEX_ORDINAL },
  { "second", .ordinal = 2, .flags = PX_LEX_ORDINAL },
  { "fourth", .ordinal = 4, .number = 4, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "fifth", .ordinal = 5, .number = 5, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "sixth", .ordinal = 6, .number = 6, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "seventh", .ordinal = 7, .number = 7, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "eighth", .ordinal = 8, .number = 8, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "ninth", .ordinal = 9, .number = 9, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "tenth", .ordinal = 10, .number = 10, .flags = PX_LEX_ORDINAL | PX_LEX_FRACTION },
  { "eleventh", .ordinal = 11, .flags = PX_LEX_ORDINAL },
  { "twelfth", .ordinal = 12, .flags = PX_LEX_ORDINAL },
  { "thirteenth", .ordinal = 13, .flags = PX_LEX_ORDINAL },
  { "fourteenth", .ordinal = 14, .flags = PX_LEX_ORDINAL },
  { "fifteenth", .ordinal = 15, .flags = PX_LEX_ORDINAL },
  { "sixteenth", .ordinal = 16, .flags = PX_LEX_ORDINAL },
  { "seventeenth", .ordinal = 17, .flags = PX_LEX_ORDINAL },
  { "eighteenth", .ordinal = 18, .flags = PX_LEX_ORDINAL },
  { "nineteenth", .ordinal = 19, .flags = PX_LEX_ORDINAL },
  { "twentieth", .ordinal = 20, .flags = PX_LEX_ORDINAL },
  { "thirtieth", .ordinal = 30, .flags = PX_LEX_ORDINAL },
  { "fortieth", .ordinal = 40, .flags = PX_LEX_ORDINAL },
  { "fiftieth", .ordinal = 50, .flags = PX_LEX_ORDINAL },
  { "sixtieth", .ordinal = 60, .flags = PX_LEX_ORDINAL },
  { "seventieth", .ordinal = 70, .flags = PX_LEX_ORDINAL },
  { "eightieth", .ordinal = 80, .flags = PX_LEX_ORDINAL },
  { "ninetieth", .ordinal = 90, .flags = PX_LEX_ORDINAL },
  { "hundredth", .ordinal = 100, .flags = PX_LEX_ORDINAL },
  { "thousandth", .ordinal = 1000, .flags = PX_LEX_ORDINAL },
  { "millionth", .ordinal = 1e6, .flags = PX_LEX_ORDINAL },

  /* months and days */
  { "january", .month = 1 }, { "jan", .month = 1, .flags = PX_LEX_ABBREV },
  { "february", .month = 2 }, { "feb", .month = 2, .flags = PX_LEX_ABBREV },
  { "march", .month = 3, .flags = PX_LEX_AMBIGUOUS }, { "mar", .month = 3, .flags = PX_LEX_ABBREV },
  { "april", .month = 4 }, { "apr", .month = 4, .flags = PX_LEX_ABBREV },
  { "may", .month = 5, .flags = PX_LEX_AMBIGUOUS },
  { "june", .month = 6 }, { "jun", .month = 6, .flags = PX_LEX_ABBREV },
  { "july", .month = 7 }, { "jul", .month = 7, .flags = PX_LEX_ABBREV },
  { "august", .month = 8, .flags = PX_LEX_AMBIGUOUS }, { "aug", .month = 8, .flags = PX_LEX_ABBREV },
  { "september", .month = 9 }, { "sep", .month = 9, .flags = PX_LEX_ABBREV },
  { "sept", .month = 9, .flags = PX_LEX_ABBREV },
  { "october", .month = 10 }, { "oct", .month = 10, .flags = PX_LEX_ABBREV },
  { "november", .month = 11 }, { "nov", .month = 11, .flags = PX_LEX_ABBREV },
  { "december", .month = 12 }, { "dec", .month = 12, .flags = PX_LEX_ABBREV },
  { "monday", .weekday = 1 }, { "mon", .weekday = 1, .flags = PX_LEX_ABBREV },
  { "tuesday", .weekday = 2 }, { "tue", .weekday = 2, .flags = PX_LEX_ABBREV },
  { "tues", .weekday = 2, .flags = PX_LEX_ABBREV },
  { "wednesday", .weekday = 3 }, { "wed", .weekday = 3, .flags = PX_LEX_ABBREV },
  { "thursday", .weekday = 4 }, { "thu", .weekday = 4, .flags = PX_LEX_ABBREV },
  { "thur", .weekday = 4, .flags = PX_LEX_ABBREV }, { "thurs", .weekday = 4, .flags = PX_LEX_ABBREV },
  { "friday", .weekday = 5 }, { "fri", .weekday = 5, .flags = PX_LEX_ABBREV },
  { "saturday", .weekday = 6 }, { "sat", .weekday = 6, .flags = PX_LEX_ABBREV },
  { "sunday", .weekday = 7 }, { "sun", .weekday = 7, .flags = PX_LEX_ABBREV },

  /* qualifiers (single words; "more than" and friends are in the code) */
  { "over", .qualifier = PX_QUALIFIER_GT },
  { "above", .qualifier = PX_QUALIFIER_GT },
  { "exceeding", .qualifier = PX_QUALIFIER_GT },
  /* a headline's verbs of passing a mark: "death toll tops 2,000" */
  { "exceeds", .qualifier = PX_QUALIFIER_GT }, { "exceeded", .qualifier = PX_QUALIFIER_GT },
  { "tops", .qualifier = PX_QUALIFIER_GT }, { "topped", .qualifier = PX_QUALIFIER_GT },
  { "topping", .qualifier = PX_QUALIFIER_GT },
  { "surpasses", .qualifier = PX_QUALIFIER_GT }, { "surpassed", .qualifier = PX_QUALIFIER_GT },
  { "surpassing", .qualifier = PX_QUALIFIER_GT },
  { "beyond", .qualifier = PX_QUALIFIER_GT },
  { "about", .qualifier = PX_QUALIFIER_APPROX },
  { "around", .qualifier = PX_QUALIFIER_APPROX },
  { "nearly", .qualifier = PX_QUALIFIER_APPROX },
  { "almost", .qualifier = PX_QUALIFIER_APPROX },
  { "approximately", .qualifier = PX_QUALIFIER_APPROX },
  { "approx", .qualifier = PX_QUALIFIER_APPROX },
  { "roughly", .qualifier = PX_QUALIFIER_APPROX },
  { "some", .qualifier = PX_QUALIFIER_APPROX },
  { "estimated", .qualifier = PX_QUALIFIER_APPROX },
  { "circa", .qualifier = PX_QUALIFIER_APPROX },
  { "under", .qualifier = PX_QUALIFIER_LT },
  { "below", .qualifier = PX_QUALIFIER_LT },

  /* percent and currency words */
  { "percent", .flags = PX_LEX_PERCENT }, { "percents", .flags = PX_LEX_PERCENT },
  { "percentage", .flags = PX_LEX_PERCENT },
  { "pct", .flags = PX_LEX_PERCENT },
  { "dollar", .currency = "USD" }, { "dollars", .currency = "USD" },
  { "usd", .currency = "USD", .flags = PX_LEX_CODE },
  { "euro", .currency = "EUR" }, { "euros", .currency = "EUR" },
  { "eur", .currency = "EUR", .flags = PX_LEX_CODE },
  { "sterling", .currency = "GBP" },
  { "gbp", .currency = "GBP", .flags = PX_LEX_CODE },
  { "yen", .currency = "JPY" }, { "jpy", .currency = "JPY", .flags = PX_LEX_CODE },
  { "yuan", .currency = "CNY" }, { "renminbi", .currency = "CNY" },
  { "rmb", .currency = "CNY", .flags = PX_LEX_CODE },
  { "cny", .currency = "CNY", .flags = PX_LEX_CODE },
  { "ruble", .currency = "RUB" }, { "rubles", .currency = "RUB" },
  { "rouble", .currency = "RUB" }, { "roubles", .currency = "RUB" },
  { "rub", .currency = "RUB", .flags = PX_LEX_CODE },
  { "tenge", .currency = "KZT" }, { "kzt", .currency = "KZT", .flags = PX_LEX_CODE },
  { "rupee", .currency = "INR" }, { "rupees", .currency = "INR" },
  { "inr", .currency = "INR", .flags = PX_LEX_CODE },
  { "franc", .currency = "CHF" }, { "francs", .currency = "CHF" },
  { "chf", .currency = "CHF", .flags = PX_LEX_CODE },
  { "cad", .currency = "CAD", .flags = PX_LEX_CODE },
  { "aud", .currency = "AUD", .flags = PX_LEX_CODE },
  { "hryvnia", .currency = "UAH" }, { "hryvnias", .currency = "UAH" },
  { "uah", .currency = "UAH", .flags = PX_LEX_CODE },
  { "lira", .currency = "TRY" }, { "liras", .currency = "TRY" },
  { "won", .currency = "KRW", .flags = PX_LEX_AMBIGUOUS },
  { "bitcoin", .currency = "BTC" }, { "bitcoins", .currency = "BTC" },
  { "btc", .currency = "BTC", .flags = PX_LEX_CODE },
  { "guilder", .currency = "NLG" }, { "guilders", .currency = "NLG" },
  { "peseta", .currency = "ESP" }, { "pesetas", .currency = "ESP" },
  { "markka", .currency = "FIM" }, { "markkaa", .currency = "FIM" },
  { "ringgit", .currency = "MYR" }, { "ringgits", .currency = "MYR" },
  { "riyal", .currency = "SAR" }, { "riyals", .currency = "SAR" },
  { "rial", .currency = "IRR" }, { "rials", .currency = "IRR" },
  { "dinar", .currency = "Dinar" }, { "dinars", .currency = "Dinar" },
  { "dirham", .currency = "AED" }, { "dirhams", .currency = "AED" },
  { "peso", .currency = "MXN" }, { "pesos", .currency = "MXN" },
  { "zloty", .currency = "PLN" }, { "zlotys", .currency = "PLN" }, { "zlotych", .currency = "PLN" },
  { "forint", .currency = "HUF" }, { "forints", .currency = "HUF" },
  { "koruna", .currency = "CZK" }, { "korunas", .currency = "CZK" },
  { "krona", .currency = "SEK" }, { "kronor", .currency = "SEK" },
  { "krone", .currency = "NOK" }, { "kroner", .currency = "NOK" },
  { "shekel", .currency = "ILS" }, { "shekels", .currency = "ILS" },
  { "baht", .currency = "THB" }, { "rupiah", .currency = "IDR" },
  { "naira", .currency = "NGN" }, { "shilling", .currency = "KES" }, { "shillings", .currency = "KES" },
  { "lari", .currency = "GEL" }, { "manat", .currency = "AZN" }, { "dram", .currency = "AMD" },
  { "bucks", .currency = "USD" }, { "quid", .currency = "GBP" },
  { "rs", .currency = "INR", .flags = PX_LEX_CODE },
  { "cent", .currency = "Cent" }, { "cents", .currency = "Cent" },
  { "pence", .currency = "Pence" }, { "penny", .currency = "Pence" },
  { "pennies", .currency = "Pence" },
  { "pound", .currency = "GBP", .unit = "lb" }, { "pounds", .currency = "GBP", .unit = "lb" },

  /* units of measure */
  { "km", .unit = "km" }, { "kms", .unit = "km" },
  { "kilometer", .unit = "km" }, { "kilometers", .unit = "km" },
  { "kilometre", .unit = "km" }, { "kilometres", .unit = "km" },
  { "mile", .unit = "mi" }, { "miles", .unit = "mi" }, { "mi", .unit = "mi" },
  { "meter", .unit = "m" }, { "meters", .unit = "m" },
  { "metre", .unit = "m" }, { "metres", .unit = "m" },
  { "centimeter", .unit = "cm" }, { "centimeters", .unit = "cm" },
  { "centimetre", .unit = "cm" }, { "centimetres", .unit = "cm" }, { "cm", .unit = "cm" },
  { "millimeter", .unit = "mm" }, { "millimeters", .unit = "mm" },
  { "millimetre", .unit = "mm" }, { "millimetres", .unit = "mm" },
  { "foot", .unit = "ft" }, { "feet", .unit = "ft" }, { "ft", .unit = "ft" },
  { "inch", .unit = "in" }, { "inches", .unit = "in" },
  { "yard", .unit = "yd" }, { "yards", .unit = "yd" }, { "yd", .unit = "yd" },
  { "kilogram", .unit = "kg" }, { "kilograms", .unit = "kg" },
  { "kilogramme", .unit = "kg" }, { "kilogrammes", .unit = "kg" }, { "kg", .unit = "kg" },
  { "kgs", .unit = "kg" },
  { "gram", .unit = "g" }, { "grams", .unit = "g" }, { "gramme", .unit = "g" },
  { "g", .unit = "g" }, { "gs", .unit = "g" }, { "t", .unit = "t", .flags = PX_LEX_ATTACHED_ONLY },
  { "grammes", .unit = "g" },
  { "milligram", .unit = "mg" }, { "milligrams", .unit = "mg" }, { "mg", .unit = "mg" },
  { "tonne", .unit = "t" }, { "tonnes", .unit = "t" }, { "ton", .unit = "t" },
  { "tons", .unit = "t" },
  { "lb", .unit = "lb" }, { "lbs", .unit = "lb" },
  { "ounce", .unit = "oz" }, { "ounces", .unit = "oz" }, { "oz", .unit = "oz" },
  { "liter", .unit = "l" }, { "liters", .unit = "l" }, { "litre", .unit = "l" },
  { "litres", .unit = "l" },
  { "milliliter", .unit = "ml" }, { "milliliters", .unit = "ml" },
  { "millilitre", .unit = "ml" }, { "millilitres", .unit = "ml" }, { "ml", .unit = "ml" },
  { "decimeter", .unit = "dm" }, { "decimeters", .unit = "dm" }, { "dm", .unit = "dm" },
  { "decimetre", .unit = "dm" }, { "decimetres", .unit = "dm" },
  { "bit", .unit = "bit" }, { "bits", .unit = "bit" }, { "byte", .unit = "B" }, { "bytes", .unit = "B" },
  { "kb", .unit = "kB" }, { "mb", .unit = "MB" }, { "gb", .unit = "GB" }, { "tb", .unit = "TB" },
  { "kilobyte", .unit = "kB" }, { "kilobytes", .unit = "kB" },
  { "megabyte", .unit = "MB" }, { "megabytes", .unit = "MB" },
  { "gigabyte", .unit = "GB" }, { "gigabytes", .unit = "GB" },
  { "microgram", .unit = "µg" }, { "micrograms", .unit = "µg" },
  { "microgramme", .unit = "µg" }, { "microgrammes", .unit = "µg" }, { "mcg", .unit = "µg" },
  { "degree", .unit = "deg" }, { "degrees", .unit = "deg" },
  { "radian", .unit = "rad" }, { "radians", .unit = "rad" }, { "rad", .unit = "rad" },
  { "tablespoon", .unit = "tbsp" }, { "tablespoons", .unit = "tbsp" }, { "tbsp", .unit = "tbsp" },
  { "teaspoon", .unit = "tsp" }, { "teaspoons", .unit = "tsp" }, { "tsp", .unit = "tsp" },
  { "cup", .unit = "cup" }, { "cups", .unit = "cup" },
  { "kmph", .unit = "km/h" },
  { "gallon", .unit = "gal" }, { "gallons", .unit = "gal" }, { "gal", .unit = "gal" },
  { "barrel", .unit = "bbl" }, { "barrels", .unit = "bbl" }, { "bbl", .unit = "bbl" },
  { "hectare", .unit = "ha" }, { "hectares", .unit = "ha" },
  { "acre", .unit = "acre" }, { "acres", .unit = "acre" },
  { "mph", .unit = "mph" }, { "kph", .unit = "km/h" }, { "kmh", .unit = "km/h" },
  { "megawatt", .unit = "MW" }, { "megawatts", .unit = "MW" }, { "mw", .unit = "MW" },
  { "gigawatt", .unit = "GW" }, { "gigawatts", .unit = "GW" }, { "gw", .unit = "GW" },
  { "kilowatt", .unit = "kW" }, { "kilowatts", .unit = "kW" }, { "kw", .unit = "kW" },

  /* spans of time: counted like nouns, never a clock time */
  { "year", .unit = "years", .flags = PX_LEX_DURATION }, { "years", .unit = "years", .flags = PX_LEX_DURATION },
  { "decade", .unit = "decades", .flags = PX_LEX_DURATION }, { "decades", .unit = "decades", .flags = PX_LEX_DURATION },
  { "month", .unit = "months", .flags = PX_LEX_DURATION }, { "months", .unit = "months", .flags = PX_LEX_DURATION },
  { "week", .unit = "weeks", .flags = PX_LEX_DURATION }, { "weeks", .unit = "weeks", .flags = PX_LEX_DURATION },
  { "day", .unit = "days", .flags = PX_LEX_DURATION }, { "days", .unit = "days", .flags = PX_LEX_DURATION },
  { "hour", .unit = "hours", .flags = PX_LEX_DURATION }, { "hours", .unit = "hours", .flags = PX_LEX_DURATION },
  { "minute", .unit = "minutes", .flags = PX_LEX_DURATION }, { "minutes", .unit = "minutes", .flags = PX_LEX_DURATION },
  { "seconds", .unit = "seconds", .flags = PX_LEX_DURATION },
  { "century", .unit = "centuries", .flags = PX_LEX_DURATION }, { "centuries", .unit = "centuries", .flags = PX_LEX_DURATION },

  /* titles before a person's name */
  { "president", .flags = PX_LEX_TITLE }, { "minister", .flags = PX_LEX_TITLE },
  { "premier", .flags = PX_LEX_TITLE }, { "chancellor", .flags = PX_LEX_TITLE },
  { "mr", .flags = PX_LEX_TITLE }, { "mrs", .flags = PX_LEX_TITLE },
  { "ms", .flags = PX_LEX_TITLE }, { "dr", .flags = PX_LEX_TITLE },
  { "prof", .flags = PX_LEX_TITLE }, { "professor", .flags = PX_LEX_TITLE },
  { "pope", .flags = PX_LEX_TITLE }, { "king", .flags = PX_LEX_TITLE },
  { "queen", .flags = PX_LEX_TITLE }, { "prince", .flags = PX_LEX_TITLE },
  { "sir", .flags = PX_LEX_TITLE }, { "senator", .flags = PX_LEX_TITLE },
  { "sen", .flags = PX_LEX_TITLE }, { "rep", .flags = PX_LEX_TITLE },
  { "governor", .flags = PX_LEX_TITLE }, { "gov", .flags = PX_LEX_TITLE },
  { "mayor", .flags = PX_LEX_TITLE }, { "general", .flags = PX_LEX_TITLE },
  { "gen", .flags = PX_LEX_TITLE }, { "secretary", .flags = PX_LEX_TITLE },
  { "ambassador", .flags = PX_LEX_TITLE }, { "judge", .flags = PX_LEX_TITLE },
  { "chairman", .flags = PX_LEX_TITLE }, { "chairwoman", .flags = PX_LEX_TITLE },
  { "chair", .flags = PX_LEX_TITLE }, { "speaker", .flags = PX_LEX_TITLE },
  { "spokesman", .flags = PX_LEX_TITLE }, { "spokeswoman", .flags = PX_LEX_TITLE },
  { "spokesperson", .flags = PX_LEX_TITLE }, { "deputy", .flags = PX_LEX_TITLE },
  { "vice", .flags = PX_LEX_TITLE }, { "prime", .flags = PX_LEX_TITLE },
  { "foreign", .flags = PX_LEX_TITLE }, { "leader", .flags = PX_LEX_TITLE },
  { "ceo", .flags = PX_LEX_TITLE }, { "director", .flags = PX_LEX_TITLE },
  { "economist", .flags = PX_LEX_TITLE }, { "activist", .flags = PX_LEX_TITLE },

  /* words that make a name an organization */
  { "agency", .flags = PX_LEX_ORG }, { "assembly", .flags = PX_LEX_ORG },
  { "association", .flags = PX_LEX_ORG }, { "bank", .flags = PX_LEX_ORG },
  { "board", .flags = PX_LEX_ORG }, { "bureau", .flags = PX_LEX_ORG },
  { "coalition", .flags = PX_LEX_ORG }, { "commission", .flags = PX_LEX_ORG },
  { "committee", .flags = PX_LEX_ORG }, { "company", .flags = PX_LEX_ORG },
  { "conference", .flags = PX_LEX_ORG }, { "congress", .flags = PX_LEX_ORG },
  { "corp", .flags = PX_LEX_ORG }, { "corporation", .flags = PX_LEX_ORG },
  { "council", .flags = PX_LEX_ORG }, { "court", .flags = PX_LEX_ORG },
  { "department", .flags = PX_LEX_ORG }, { "federation", .flags = PX_LEX_ORG },
  { "forum", .flags = PX_LEX_ORG }, { "foundation", .flags = PX_LEX_ORG },
  { "fund", .flags = PX_LEX_ORG }, { "government", .flags = PX_LEX_ORG },
  { "group", .flags = PX_LEX_ORG }, { "hub", .flags = PX_LEX_ORG },
  { "inc", .flags = PX_LEX_ORG }, { "institute", .flags = PX_LEX_ORG },
  { "ltd", .flags = PX_LEX_ORG }, { "ministry", .flags = PX_LEX_ORG },
  { "nations", .flags = PX_LEX_ORG }, { "news", .flags = PX_LEX_ORG },
  { "office", .flags = PX_LEX_ORG }, { "organisation", .flags = PX_LEX_ORG },
  { "organization", .flags = PX_LEX_ORG }, { "parliament", .flags = PX_LEX_ORG },
  { "party", .flags = PX_LEX_ORG }, { "post", .flags = PX_LEX_ORG },
  { "press", .flags = PX_LEX_ORG }, { "service", .flags = PX_LEX_ORG },
  { "times", .flags = PX_LEX_ORG }, { "treaty", .flags = PX_LEX_ORG },
  { "union", .flags = PX_LEX_ORG }, { "university", .flags = PX_LEX_ORG },
  { "reuters", .flags = PX_LEX_ORG },

  /* verbs that attribute a quote */
  { "said", .flags = PX_LEX_SPEECH }, { "says", .flags = PX_LEX_SPEECH },
  { "say", .flags = PX_LEX_SPEECH }, { "stated", .flags = PX_LEX_SPEECH },
  { "states", .flags = PX_LEX_SPEECH }, { "added", .flags = PX_LEX_SPEECH },
  { "adds", .flags = PX_LEX_SPEECH }, { "noted", .flags = PX_LEX_SPEECH },
  { "notes", .flags = PX_LEX_SPEECH }, { "told", .flags = PX_LEX_SPEECH },
  { "tells", .flags = PX_LEX_SPEECH }, { "explained", .flags = PX_LEX_SPEECH },
  { "stressed", .flags = PX_LEX_SPEECH }, { "announced", .flags = PX_LEX_SPEECH },
  { "declared", .flags = PX_LEX_SPEECH }, { "wrote", .flags = PX_LEX_SPEECH },
  { "writes", .flags = PX_LEX_SPEECH }, { "asked", .flags = PX_LEX_SPEECH },
  { "insisted", .flags = PX_LEX_SPEECH }, { "argued", .flags = PX_LEX_SPEECH },
  { "warned", .flags = PX_LEX_SPEECH }, { "emphasized", .flags = PX_LEX_SPEECH },
  { "emphasised", .flags = PX_LEX_SPEECH }, { "underlined", .flags = PX_LEX_SPEECH },
  { "pointed", .flags = PX_LEX_SPEECH }, { "remarked", .flags = PX_LEX_SPEECH },
  { "replied", .flags = PX_LEX_SPEECH }, { "continued", .flags = PX_LEX_SPEECH },
  { "according", .flags = PX_LEX_SPEECH }, { "saying", .flags = PX_LEX_SPEECH },
  { "stressing", .flags = PX_LEX_SPEECH }, { "calling", .flags = PX_LEX_SPEECH },
};

/* Words by their case-folded hash (px_lex_hash()): open addressing over
 * a power of two of slots (PxLexSlot), so that the tokenizer finds a
 * word's entry and whether it is a function word in one probe, with no
 * copy and no string hash. A slot holds an entry of the lexicon, a
 * function word, or both. */
static PxLexSlot *
add_slot (PxLexSlot  *slots,
          const char *word)
{
  gsize length = strlen (word);
  guint hash = px_lex_hash (word, length);
  PxLexSlot *slot = (PxLexSlot *)px_lex_find (slots, word, length, hash);

  g_assert (length < PX_LEX_MAX_LENGTH);
  slot->word = word;
  slot->hash = hash;
  slot->length = length;
  return slot;
}

static gpointer
build_table (gpointer data)
{
  static const char * const keywords[] = PX_LEX_KEYWORDS;
  PxLexSlot *slots = g_new0 (PxLexSlot, PX_LEX_SLOTS);
  guint n_stopwords;
  const char * const *stopwords = px_stopwords (&n_stopwords);

  g_assert (G_N_ELEMENTS (lexicon) + n_stopwords + G_N_ELEMENTS (keywords) < PX_LEX_SLOTS / 2);
  for (guint i = 0; i < G_N_ELEMENTS (lexicon); i++)
    {
      PxLexSlot *slot = add_slot (slots, lexicon[i].word);

      g_assert (slot->lex_number == 0);
      slot->lex_number = i + 1;
    }
  for (guint i = 0; i < n_stopwords; i++)
    add_slot (slots, stopwords[i])->stop = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    add_slot (slots, keywords[i])->keyword = TRUE;
  return slots;
}

const PxLexSlot *
px_lex_table (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_table, NULL);
}

guint
px_lex_hash (const char *word,
             gsize       length)
{
  guint h = 5381;

  for (gsize k = 0; k < length; k++)
    h = h * 33 + (guchar)g_ascii_tolower (word[k]);
  return h == 0 ? 1 : h;
}

const PxLexEntry *
px_lex_lookup (const char *word,
               gsize       length)
{
  if (length == 0 || length >= PX_LEX_MAX_LENGTH)
    return NULL;
  for (gsize i = 0; i < length; i++)
    if ((guchar)word[i] >= 0x80)
      return NULL;
  return px_lex_entry (px_lex_find (px_lex_table (), word, length, px_lex_hash (word, length))->lex_number);
}

guint
px_lex_number (const PxLexEntry *entry)
{
  if (entry == NULL)
    return 0;
  g_assert (entry >= lexicon && entry < lexicon + G_N_ELEMENTS (lexicon));
  return entry - lexicon + 1;
}

const PxLexEntry * const px_lex_entries = lexicon;
