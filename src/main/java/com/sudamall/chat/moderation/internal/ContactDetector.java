package com.sudamall.chat.moderation.internal;

import com.sudamall.chat.moderation.internal.Finding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds contact information in a text: phone numbers in common international and national formats, e-mail
 * addresses (also written out as "name at mail dot com"), links to outside sites, and messaging-app handles. What
 * looks like a phone number but is an order number, a barcode, a date or a price is left alone.
 */
final class ContactDetector {

    // Every repetition below is bounded or possessive: a message is up to 5,000 characters of anyone's choosing,
    // and an unbounded nested repeat would let one message cost seconds of CPU or overflow the stack.

    // digits with the separators people use: spaces, dots, dashes, slashes, brackets; an optional + or 00
    private static final Pattern PHONE =
            Pattern.compile("(?<![\\w+/.,-])(?:\\+|00)?\\(?\\d[\\d \\t().\\-/]{5,40}\\d(?![\\w-]|[.,]\\d)");
    private static final Pattern DATE =
            Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
    // a number named just before is a reference, not a phone: "order 100200300", "my order is 100200300", "#"
    private static final Pattern REFERENCE_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:orders?|ord|sku|ean|upc|isbn|tracking|track|invoices?|inv|ref|reference|items?|articles?"
                    + "|art|id)(?:\\s{1,3}(?:is|was|are|number|no|nr)\\.?)?|#)[\\s.:#-]{0,3}$");
    private static final Pattern EMAIL =
            Pattern.compile("(?<![\\w.+-])[\\w.+-]{1,64}+@(?:[\\w-]{1,63}+\\.){1,6}[A-Za-z]{2,24}+"
                    // written out: "bob at gmail dot com", "bob (at) gmail.com"; a plain "." must touch the domain,
                    // so that "back at work. It arrives" is a sentence, not an address
                    + "|(?i)(?<![\\w.+-])[\\w.+-]{1,64}+\\s{0,3}(?:\\(at\\)|\\[at\\]|\\{at\\}|\\sat\\s)\\s{0,3}"
                    + "[\\w-]{1,63}+(?:\\.|\\s?\\(dot\\)\\s?|\\s?\\[dot\\]\\s?|\\sdot\\s)"
                    + "(?:com|net|org|de|co|io|info|uk|fr|nl|ru|br)\\b");
    private static final String TLDS =
            "com|net|org|io|co|me|shop|store|info|biz|app|ly|gg|link|site|online|xyz|de|uk|fr|es|it|nl|ru|in|br|ws|to";
    // a bare domain's top-level domain is written in lower case: "Sure.It works" is a sentence missing a space
    private static final Pattern LINK = Pattern.compile("(?i:\\b(?:https?://|www\\.))[^\\s<>\"]{1,2000}+"
            + "|\\b(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}+\\.){1,10}(?:" + TLDS + ")\\b(?:/[^\\s<>\"]{0,2000}+)?");
    private static final Pattern HANDLE = Pattern.compile(
            "(?i)\\b(?:whats\\s?app|wa|telegram|tg|signal|wechat|weixin|viber|line\\s?id|instagram|insta|ig|snapchat"
                    + "|snap|skype|discord|kik)\\b[\\s:=-]{0,3}(?:(?:me|at|on|id|is|handle|name)\\b[\\s:=-]{0,3}){0,3}"
                    + "@[A-Za-z][A-Za-z0-9_.]{1,31}+"
                    + "|(?i)\\b(?:whats\\s?app|telegram|wechat|viber|instagram|snapchat|skype|discord|kik)\\b\\s{0,3}"
                    + "(?:id|name|handle)?\\s{0,3}[:=]\\s{0,3}[A-Za-z0-9_.]{3,32}+");

    private final List<String> allowedDomains;

    ContactDetector(List<String> allowedDomains) {
        this.allowedDomains = allowedDomains.stream()
                .map(d -> d.toLowerCase(Locale.ROOT).strip())
                .filter(d -> !d.isEmpty())
                .toList();
    }

    List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        collect(EMAIL, text, Kind.EMAIL, found);
        collect(HANDLE, text, Kind.HANDLE, found);
        Matcher links = LINK.matcher(text);
        while (links.find()) {
            int end = trimPunctuation(text, links.start(), links.end());
            if (!isAllowed(text.substring(links.start(), end))) {
                add(found, new Finding(links.start(), end, Kind.LINK));
            }
        }
        Matcher phones = PHONE.matcher(text);
        while (phones.find()) {
            if (isPhone(text, phones.start(), phones.group())) {
                add(
                        found,
                        new Finding(phones.start(), trimPunctuation(text, phones.start(), phones.end()), Kind.PHONE));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private static void collect(Pattern pattern, String text, Kind kind, List<Finding> found) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(found, new Finding(m.start(), m.end(), kind));
        }
    }

    /** The first finding of a stretch of text wins (an e-mail's domain is not also a link). */
    private static void add(List<Finding> found, Finding finding) {
        if (found.stream().noneMatch(finding::overlaps)) {
            found.add(finding);
        }
    }

    private static boolean isPhone(String text, int start, String candidate) {
        int digits = (int) candidate.chars().filter(Character::isDigit).count();
        boolean international = candidate.startsWith("+") || candidate.startsWith("00");
        // more than 15 digits is no single number, but two run together ("+49 171 2345678 / 0171 2345678") or
        // a card number: hidden all the same
        if (digits < (international ? 9 : 8)) {
            return false;
        }
        if (DATE.matcher(candidate).find()) {
            return false;
        }
        String before = text.substring(Math.max(0, start - 24), start);
        return !REFERENCE_BEFORE.matcher(before).find();
    }

    private static int trimPunctuation(String text, int start, int end) {
        while (end > start && ".,;:!?)]'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private boolean isAllowed(String link) {
        String host = link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        host = host.replaceFirst(":\\d+$", "");
        for (String domain : allowedDomains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }
}
