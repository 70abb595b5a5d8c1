// Package anonymise finds likely identifiers in transcript text: email
// addresses, phone numbers, UK postcodes, NHS and National Insurance numbers,
// dates (of birth), street addresses, URLs and personal names.
//
// Scan is pure: it reads a string and returns findings with code-point
// offsets, sorted and non-overlapping. It never changes anything; replacing
// findings with pseudonyms is the store's work.
package anonymise
