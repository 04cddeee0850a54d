// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.model.PolicyRule;
import dev.netdoctor.model.RouteLookup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the JSON that {@code ip -j route get} and {@code ip -j rule} print. */
public final class IpJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fields of a rule that are bookkeeping, not what it selects or does. */
    private static final Set<String> NOT_SELECTORS = Set.of("priority", "table", "action", "flags", "goto", "nop");

    private IpJson() {
    }

    public static RouteLookup route(String destination, String protocol, String json, String error) {
        return route(destination, protocol, null, json, error);
    }

    public static RouteLookup route(String destination, String protocol, Integer port, String json, String error) {
        if (error != null || json == null || json.isBlank()) {
            return new RouteLookup(destination, protocol, port, null, null, null, null, null, error == null ? "no answer" : error);
        }
        try {
            JsonNode first = JSON.readTree(json).path(0);
            if (first.isMissingNode()) {
                return new RouteLookup(destination, protocol, port, null, null, null, null, null, "empty answer");
            }
            return new RouteLookup(destination, protocol, port, text(first, "dev"), text(first, "gateway"),
                    text(first, "prefsrc"), text(first, "table"), text(first, "type"), null);
        } catch (Exception e) {
            return new RouteLookup(destination, protocol, port, null, null, null, null, null, "unreadable answer: " + e.getMessage());
        }
    }

    public static List<PolicyRule> rules(String json) {
        List<PolicyRule> rules = new ArrayList<>();
        try {
            for (JsonNode rule : JSON.readTree(json)) {
                StringBuilder selector = new StringBuilder();
                Iterator<Map.Entry<String, JsonNode>> fields = rule.properties().iterator();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    if (!NOT_SELECTORS.contains(f.getKey())) {
                        if (!selector.isEmpty()) {
                            selector.append(' ');
                        }
                        selector.append(f.getKey()).append(' ').append(f.getValue().isTextual() ? f.getValue().asText() : f.getValue().toString());
                    }
                }
                String action = rule.has("table") ? "lookup " + rule.get("table").asText()
                        : rule.has("action") ? rule.get("action").asText() : (rule.has("goto") ? "goto " + rule.get("goto").asText() : "");
                rules.add(new PolicyRule(rule.path("priority").asInt(-1), selector.toString(), action));
            }
        } catch (Exception e) {
            // an unreadable rule list is reported by the caller through the raw output
        }
        return rules;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
