// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.host;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.netdoctor.model.Fact;
import dev.netdoctor.model.WindowsPolicy;
import dev.netdoctor.model.WindowsPolicy.FirewallProfile;
import dev.netdoctor.model.WindowsPolicy.FirewallRule;
import dev.netdoctor.model.WindowsPolicy.HyperVFirewall;
import dev.netdoctor.model.WindowsPolicy.NameRule;
import dev.netdoctor.model.WindowsPolicy.NetworkProfile;
import dev.netdoctor.model.WindowsPolicy.PortProxy;
import dev.netdoctor.model.WindowsPolicy.PortRange;
import dev.netdoctor.model.WindowsPolicy.PowerShellRun;
import dev.netdoctor.model.WindowsPolicy.Proxy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON that {@link PowerShellBatch}'s script writes into {@link WindowsPolicy}, and every
 * shape Windows PowerShell 5.1 gives when a script misses one of its ways (research windows-side.md
 * §4.2): a leading BOM, one object where a list was meant (and nothing for none), enums as numbers
 * (§4.3's tables), {@code \/Date(ms)\/}, and text where an object was meant because ConvertTo-Json's
 * depth ran out. A part that cannot be read for sure is unknown with the reason, never a guess.
 */
final class PowerShellAnswer {
    /** The port proxy kinds, as netsh and the registry name them. */
    static final List<String> PROXY_KINDS = List.of("v4tov4", "v4tov6", "v6tov4", "v6tov6");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A row of netsh's excluded port ranges: start, end, and "*" for one an administrator made (§4.6). */
    private static final Pattern RANGE_ROW = Pattern.compile("^\\s*(\\d+)\\s+(\\d+)(\\s+\\*)?\\s*$");
    private static final Pattern DOTNET_DATE = Pattern.compile("^/Date\\((-?\\d+)\\)/$");
    private static final String UNSUPPORTED_HYPERV = "not on this Windows (the Hyper-V firewall came with Windows 11 22H2)";

    // §4.3: what 5.1 gives for an enum nobody turned into its name.
    private static final Map<Integer, String> ACTIONS = Map.of(0, "NotConfigured", 2, "Allow", 3, "AllowBypass", 4, "Block");
    private static final Map<Integer, String> CATEGORIES = Map.of(0, "Public", 1, "Private", 2, "DomainAuthenticated");
    private static final Map<Integer, String> DIRECTIONS = Map.of(1, "Inbound", 2, "Outbound");
    private static final Map<Integer, String> SERVICE_STATES = Map.of(1, "Stopped", 2, "StartPending", 3, "StopPending",
            4, "Running", 5, "ContinuePending", 6, "PausePending", 7, "Paused");
    private static final Map<Integer, String> LANGUAGE_MODES = Map.of(0, "FullLanguage", 1, "RestrictedLanguage",
            2, "NoLanguage", 3, "ConstrainedLanguage");

    private PowerShellAnswer() {
    }

    /**
     * The facts in PowerShell's answer file.
     *
     * @param bytes       the file as PowerShell wrote it
     * @param millis      how long the PowerShell run took
     * @param whenNothing the reason to give when the file holds nothing
     */
    static WindowsPolicy parse(byte[] bytes, long millis, String whenNothing) {
        String text = decode(bytes).strip();
        if (text.isEmpty()) {
            return WindowsPolicy.unknown(whenNothing);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            return WindowsPolicy.unknown("PowerShell's answer is not JSON: " + e.getOriginalMessage());
        }
        if (root != null && root.isArray() && root.size() == 1) {
            root = root.get(0);
        }
        if (root == null || !root.isObject()) {
            return WindowsPolicy.unknown("PowerShell's answer is not the one asked for");
        }
        JsonNode answer = root;
        return new WindowsPolicy(
                read(() -> firewallProfiles(answer)),
                read(() -> list(answer, "networkProfiles", "the network categories", PowerShellAnswer::networkProfile)),
                read(() -> hyperVFirewall(answer)),
                read(() -> excludedPorts(answer)),
                read(() -> portProxies(answer)),
                read(() -> ipHelper(answer)),
                read(() -> nameRules(answer)),
                read(() -> proxy(answer)),
                read(() -> ourRules(answer)),
                read(() -> powerShell(answer, millis)));
    }

    /** Text from the file's bytes: the BOM tells UTF-16 (Out-File's default in 5.1) from UTF-8, with or without one. */
    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        String text = new String(b, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // --- the parts ------------------------------------------------------------------------------

    private static Fact<List<FirewallProfile>> firewallProfiles(JsonNode answer) throws Unreadable, Failed {
        List<JsonNode> profiles = objects(part(answer, "firewallProfiles", "the firewall profiles"), "the firewall profiles");
        List<FirewallProfile> read = new ArrayList<>();
        for (JsonNode p : profiles) {
            String name = text(p.get("Name"));
            if (name == null) {
                throw new Unreadable("a firewall profile without a name");
            }
            JsonNode policy = part(answer, "firewallPolicy" + name, "the group policy of the " + name + " profile");
            if (!policy.isNull() && !policy.isObject()) {
                throw new Unreadable(policy.asText() + " for the group policy of the " + name + " profile");
            }
            read.add(new FirewallProfile(name, gpoBoolean(p.get("Enabled")), action(p.get("DefaultInboundAction")),
                    gpoBoolean(p.get("AllowInboundRules")), gpoBoolean(p.get("AllowLocalFirewallRules")),
                    dword(policy.get("DoNotAllowExceptions")), dword(policy.get("AllowLocalPolicyMerge"))));
        }
        return Fact.known(List.copyOf(read));
    }

    private static NetworkProfile networkProfile(JsonNode p) throws Unreadable {
        String alias = text(p.get("InterfaceAlias"));
        String category = named(p.get("NetworkCategory"), CATEGORIES);
        if (alias == null || category == null) {
            throw new Unreadable("a network profile without its adapter or category");
        }
        return new NetworkProfile(alias, category);
    }

    private static Fact<HyperVFirewall> hyperVFirewall(JsonNode answer) throws Unreadable, Failed {
        JsonNode h = part(answer, "hyperVFirewall", "the Hyper-V firewall");
        if (h.isNull()) {
            return Fact.unknown("Windows has no Hyper-V firewall setting for WSL");
        }
        if (!h.isObject()) {
            throw new Unreadable(h.asText() + " for the Hyper-V firewall");
        }
        return Fact.known(new HyperVFirewall(gpoBoolean(h.get("Enabled")), action(h.get("DefaultInboundAction")),
                action(h.get("DefaultOutboundAction")), gpoBoolean(h.get("LoopbackEnabled")),
                gpoBoolean(h.get("AllowHostPolicyMerge"))));
    }

    private static Fact<List<PortRange>> excludedPorts(JsonNode answer) throws Unreadable, Failed {
        List<PortRange> ranges = new ArrayList<>();
        for (String family : List.of("ipv4", "ipv6")) {
            JsonNode n = part(answer, "excludedPorts" + family, "the reserved " + family + " ports");
            if (!n.isObject()) {
                throw new Unreadable(n.asText() + " for the reserved ports");
            }
            List<String> lines = new ArrayList<>();
            for (JsonNode line : items(n.get("lines"), "netsh's lines")) {
                lines.add(text(line));
            }
            long exit = n.path("exit").asLong(-1);
            String said = lines.stream().filter(l -> l != null && !l.isBlank()).map(String::strip).findFirst().orElse("");
            if (exit != 0) {
                throw new Unreadable("netsh could not list the reserved ports" + (said.isEmpty() ? "" : ": " + said));
            }
            if (said.isEmpty()) {
                throw new Unreadable("netsh listed nothing, not even its headers");
            }
            String name = family.equals("ipv4") ? "IPv4" : "IPv6";
            for (String line : lines) {
                Matcher m = RANGE_ROW.matcher(line == null ? "" : line);
                if (m.matches()) {
                    ranges.add(new PortRange(name, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) != null));
                }
            }
        }
        return Fact.known(List.copyOf(ranges));
    }

    private static Fact<List<PortProxy>> portProxies(JsonNode answer) throws Unreadable, Failed {
        List<PortProxy> proxies = new ArrayList<>();
        for (String kind : PROXY_KINDS) {
            JsonNode values = part(answer, "portProxy" + kind, "the " + kind + " port proxies");
            if (values.isNull()) {
                continue; // no key, or a key without rules
            }
            if (!values.isObject()) {
                throw new Unreadable(values.asText() + " for the port proxies");
            }
            for (Map.Entry<String, JsonNode> rule : values.properties()) {
                String[] listen = endpoint(rule.getKey());
                String[] connect = endpoint(text(rule.getValue()));
                if (listen == null || connect == null) {
                    throw new Unreadable("the port proxy rule " + rule.getKey() + " = " + rule.getValue());
                }
                proxies.add(new PortProxy(kind, listen[0], Integer.parseInt(listen[1]), connect[0], Integer.parseInt(connect[1])));
            }
        }
        return Fact.known(List.copyOf(proxies));
    }

    /** "address/port" as the registry keeps a port proxy's ends; null when it is not one. */
    private static String[] endpoint(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.lastIndexOf('/');
        if (slash <= 0 || !text.substring(slash + 1).matches("\\d{1,5}")) {
            return null;
        }
        return new String[] {text.substring(0, slash), text.substring(slash + 1)};
    }

    private static Fact<String> ipHelper(JsonNode answer) throws Unreadable, Failed {
        String state = named(part(answer, "ipHelper", "the IP Helper service"), SERVICE_STATES);
        if (state == null) {
            throw new Unreadable("no state for the IP Helper service");
        }
        return Fact.known(state);
    }

    private static Fact<List<NameRule>> nameRules(JsonNode answer) throws Unreadable, Failed {
        List<NameRule> rules = new ArrayList<>();
        for (JsonNode r : objects(part(answer, "nameRules", "the name resolution policy"), "the name resolution policy")) {
            List<String> servers = names(r.get("NameServers"));
            for (String namespace : names(r.get("Namespace"))) {
                rules.add(new NameRule(namespace, servers));
            }
        }
        return Fact.known(List.copyOf(rules));
    }

    /**
     * A list of names: the script joins them with commas; an older one gives an array, or one text for
     * one item. Names hold no blanks, so blanks are 5.1's way of printing a list it ran out of depth for.
     */
    private static List<String> names(JsonNode n) throws Unreadable {
        List<String> out = new ArrayList<>();
        for (JsonNode item : items(n, "names")) {
            String t = text(item);
            if (t == null) {
                continue;
            }
            for (String name : t.split(",")) {
                String s = name.strip();
                if (s.chars().anyMatch(Character::isWhitespace)) {
                    throw new Unreadable("'" + t + "' where a list of names was expected");
                }
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static Fact<Proxy> proxy(JsonNode answer) throws Unreadable, Failed {
        JsonNode p = part(answer, "proxy", "the proxy setting");
        if (p.isNull()) {
            return Fact.known(new Proxy(false, null, null, null)); // a key without values: nothing set
        }
        if (!p.isObject()) {
            throw new Unreadable(p.asText() + " for the proxy setting");
        }
        Boolean enabled = dword(p.get("ProxyEnable"));
        return Fact.known(new Proxy(Boolean.TRUE.equals(enabled), blankToNull(text(p.get("ProxyServer"))),
                blankToNull(text(p.get("AutoConfigURL"))), blankToNull(text(p.get("ProxyOverride")))));
    }

    /** Our rules in both firewalls: Windows Defender's, and the Hyper-V firewall's (absent on Windows 10: none there). */
    private static Fact<List<FirewallRule>> ourRules(JsonNode answer) throws Unreadable, Failed {
        List<FirewallRule> all = new ArrayList<>(list(answer, "ourFirewallRules", "our firewall rules", PowerShellAnswer::firewallRule).value());
        if (answer.has("ourHyperVRules")) {
            all.addAll(list(answer, "ourHyperVRules", "our Hyper-V firewall rules", PowerShellAnswer::firewallRule).value());
        }
        return Fact.known(List.copyOf(all));
    }

    private static FirewallRule firewallRule(JsonNode r) throws Unreadable {
        String name = text(r.get("Name"));
        String enabled = named(r.get("Enabled"), Map.of(1, "True", 2, "False"));
        if (name == null || !("True".equalsIgnoreCase(enabled) || "False".equalsIgnoreCase(enabled))) {
            throw new Unreadable("a firewall rule without its name or state");
        }
        return new FirewallRule(name, text(r.get("DisplayName")), "True".equalsIgnoreCase(enabled),
                named(r.get("Direction"), DIRECTIONS), action(r.get("Action")), text(r.get("LocalPort")),
                text(r.get("InterfaceAlias")));
    }

    private static Fact<PowerShellRun> powerShell(JsonNode answer, long millis) throws Unreadable, Failed {
        String version = text(part(answer, "psVersion", "PowerShell's version"));
        String mode = named(part(answer, "languageMode", "PowerShell's language mode"), LANGUAGE_MODES);
        if (version == null || mode == null) {
            throw new Unreadable("no version or language mode");
        }
        return Fact.known(new PowerShellRun(version, mode, millis));
    }

    // --- shapes ---------------------------------------------------------------------------------

    /** A part of the answer that cannot be read for sure; it becomes that part's reason. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    /** Thrown by a part's reader when the query failed: the Fact is unknown with this reason as it is. */
    private static final class Failed extends Exception {
        Failed(String why) {
            super(why);
        }
    }

    private interface Reader<T> {
        Fact<T> read() throws Unreadable, Failed;
    }

    private interface ItemReader<T> {
        T read(JsonNode item) throws Unreadable;
    }

    private static <T> Fact<T> read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (Failed e) {
            return Fact.unknown(e.getMessage());
        } catch (Unreadable e) {
            return Fact.unknown("PowerShell's answer could not be read for sure (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return Fact.unknown("PowerShell's answer could not be read: " + e);
        }
    }

    private static <T> Fact<List<T>> list(JsonNode answer, String key, String what, ItemReader<T> reader)
            throws Unreadable, Failed {
        List<T> out = new ArrayList<>();
        for (JsonNode item : objects(part(answer, key, what), what)) {
            out.add(reader.read(item));
        }
        return Fact.known(List.copyOf(out));
    }

    /**
     * One part of the answer: its value (JSON null for a query that found nothing), or why it failed:
     * missing from the answer, PowerShell's error text, or not on this Windows.
     */
    private static JsonNode part(JsonNode answer, String key, String what) throws Failed {
        JsonNode n = answer.get(key);
        if (n == null) {
            throw new Failed("PowerShell's answer has nothing on " + what);
        }
        if (n.isObject() && n.size() == 1 && n.has("error")) {
            String message = n.get("error").asText("").strip();
            throw new Failed("Windows did not tell " + what + (message.isEmpty() ? "" : ": " + message));
        }
        if (n.isObject() && n.size() == 1 && n.has("unsupported")) {
            throw new Failed(UNSUPPORTED_HYPERV);
        }
        return n;
    }

    /** A list as PowerShell may give it: an array, one object for one item, nothing for none. */
    private static List<JsonNode> items(JsonNode n, String what) throws Unreadable {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /** A list of objects; text in an object's place is 5.1's ToString() of what it ran out of depth for. */
    private static List<JsonNode> objects(JsonNode n, String what) throws Unreadable {
        List<JsonNode> out = items(n, what);
        for (JsonNode item : out) {
            if (!item.isObject()) {
                throw new Unreadable("'" + item.asText() + "' where " + what + " were expected");
            }
        }
        return out;
    }

    /**
     * A scalar as text: numbers and booleans as PowerShell prints them, 5.1's {@code \/Date(ms)\/} (and
     * Get-Date's {value, DisplayHint, DateTime}) as an ISO instant; an object or list where a scalar
     * belongs means the answer is not what the script asked for.
     */
    static String text(JsonNode n) throws Unreadable {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            Matcher date = DOTNET_DATE.matcher(n.asText());
            return date.matches() ? Instant.ofEpochMilli(Long.parseLong(date.group(1))).toString() : n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "True" : "False";
        }
        if (n.isNumber()) {
            return n.asText();
        }
        if (n.isObject() && n.has("value") && n.has("DisplayHint")) {
            return text(n.get("value"));
        }
        throw new Unreadable("a list or an object where one value was expected");
    }

    /** An enum by name, or by 5.1's number; a name outside the table (a type name from a cut-short answer) is unreadable. */
    private static String named(JsonNode n, Map<Integer, String> table) throws Unreadable {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            String name = table.get(n.asInt());
            if (name == null) {
                throw new Unreadable("the unknown value " + n.asInt());
            }
            return name;
        }
        String t = text(n);
        for (String name : table.values()) {
            if (name.equalsIgnoreCase(t)) {
                return name;
            }
        }
        throw new Unreadable("'" + t + "' where one of " + Set.copyOf(table.values()) + " was expected");
    }

    private static String action(JsonNode n) throws Unreadable {
        return named(n, ACTIONS);
    }

    /** Group policy's three-way boolean; NotConfigured is null (nothing says). */
    private static Boolean gpoBoolean(JsonNode n) throws Unreadable {
        String t = named(n, Map.of(0, "False", 1, "True", 2, "NotConfigured"));
        return t == null || t.equals("NotConfigured") ? null : t.equals("True");
    }

    /** A registry DWORD switch: absent is null, 0 false, anything else true. */
    private static Boolean dword(JsonNode n) throws Unreadable {
        String t = text(n);
        if (t == null) {
            return null;
        }
        if (!t.matches("-?\\d+")) {
            throw new Unreadable("'" + t + "' where a registry number was expected");
        }
        return Long.parseLong(t) != 0;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
