package com.sudamall.chat.desk.internal;

import com.sudamall.chat.web.ChatException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a canned reply may use, filled from the conversation it is sent in: {@code {customer_name}},
 * {@code {store_name}}, {@code {product_name}} (the room's topic) and {@code {order_number}} (the customer's newest
 * order at the store). One the conversation has no value for (no product, no order) is left out.
 */
final class ReplyVariables {

    static final List<String> NAMES = List.of("customer_name", "store_name", "product_name", "order_number");
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private ReplyVariables() {}

    /** A 400 naming {@code body} when it uses a variable there is no such thing as. */
    static void check(String body) {
        Matcher matcher = VARIABLE.matcher(body);
        while (matcher.find()) {
            if (!NAMES.contains(matcher.group(1))) {
                throw ChatException.invalid(
                        "body", "unknown variable {" + matcher.group(1) + "}; known: " + String.join(", ", NAMES));
            }
        }
    }

    static String fill(String body, Map<String, String> values) {
        return VARIABLE.matcher(body)
                .replaceAll(match -> Matcher.quoteReplacement(values.getOrDefault(match.group(1), "")));
    }
}
