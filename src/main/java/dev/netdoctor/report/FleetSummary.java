// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a help desk wants from many results: how often each finding occurs, on which machines,
 * and how that splits by WSL version, networking mode and Windows build. Plain data, made once
 * and laid out by {@link FleetReport} as text, CSV or HTML.
 *
 * @param machines        machines read
 * @param verdicts        how many machines had each verdict, most frequent first
 * @param incomplete      runs cut short (their findings may be missing some); a machine where no diagnosis ran is not one
 * @param findingsLeftOut finding ids that summary lines had no room for (2,048 characters), all machines together
 * @param findings        each finding with the machines that have it, most frequent first
 * @param dimensions      the same counts by WSL version, networking mode and Windows build
 * @param skipped         the files (or CSV rows) that were not read, with why
 */
public record FleetSummary(int machines, Map<String, Integer> verdicts, int incomplete, int findingsLeftOut, List<FindingCount> findings, List<Dimension> dimensions, List<Skipped> skipped) {
    public FleetSummary {
        verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
        findings = List.copyOf(findings);
        dimensions = List.copyOf(dimensions);
        skipped = List.copyOf(skipped);
    }

    /** A finding and the machines it was found on (names sorted, each once). */
    public record FindingCount(String finding, List<String> machineNames) {
        public FindingCount {
            machineNames = List.copyOf(machineNames);
        }

        public int machines() {
            return machineNames.size();
        }
    }

    /** Machines sharing one value of a dimension ("2.3.26.0"), and how often each finding occurs among them. */
    public record Group(String value, int machines, List<FindingCount> findings) {
        public Group {
            findings = List.copyOf(findings);
        }
    }

    /** One way of splitting the fleet; {@code key} is the CSV's name for it, {@code title} the heading. */
    public record Dimension(String key, String title, List<Group> groups) {
        public Dimension {
            groups = List.copyOf(groups);
        }
    }

    /** A file, or a row of an export, that gave no result: where, and why in the user's words. */
    public record Skipped(String where, String reason) {
    }

    /** The split dimensions, in the order every output shows them. */
    private enum Split {
        WSL("wsl", "fleet.dimension.wsl", FleetMachine::wsl),
        MODE("mode", "fleet.dimension.mode", FleetMachine::mode),
        WINDOWS("windows", "fleet.dimension.windows", FleetMachine::windows);

        final String key;
        final String titleKey;
        final Function<FleetMachine, String> value;

        Split(String key, String titleKey, Function<FleetMachine, String> value) {
            this.key = key;
            this.titleKey = titleKey;
            this.value = value;
        }
    }

    public static FleetSummary of(List<FleetMachine> machines, List<Skipped> skipped) {
        Map<String, Integer> verdicts = new HashMap<>();
        int incomplete = 0;
        int leftOut = 0;
        for (FleetMachine m : machines) {
            verdicts.merge(m.verdict(), 1, Integer::sum);
            incomplete += m.incomplete() ? 1 : 0;
            leftOut += m.findingsLeftOut();
        }
        List<Dimension> dimensions = new ArrayList<>();
        for (Split split : Split.values()) {
            Map<String, List<FleetMachine>> groups = new TreeMap<>(FleetSummary::versionOrder);
            machines.forEach(m -> groups.computeIfAbsent(split.value.apply(m), v -> new ArrayList<>()).add(m));
            List<Group> list = new ArrayList<>();
            groups.forEach((value, members) -> list.add(new Group(value, members.size(), counts(members))));
            dimensions.add(new Dimension(split.key, dev.netdoctor.model.Words.get(split.titleKey), list));
        }
        return new FleetSummary(machines.size(), byCount(verdicts), incomplete, leftOut, counts(machines), dimensions, skipped);
    }

    /** Most frequent first, then by name, so two runs over the same files print the same. */
    private static Map<String, Integer> byCount(Map<String, Integer> counts) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static List<FindingCount> counts(List<FleetMachine> machines) {
        Map<String, java.util.SortedSet<String>> names = new HashMap<>();
        for (FleetMachine m : machines) {
            for (String f : m.findings()) {
                names.computeIfAbsent(f, k -> new java.util.TreeSet<>(FleetSummary::versionOrder)).add(m.name());
            }
        }
        return names.entrySet().stream()
                .map(e -> new FindingCount(e.getKey(), new ArrayList<>(e.getValue())))
                .sorted(Comparator.comparingInt(FindingCount::machines).reversed().thenComparing(FindingCount::finding))
                .toList();
    }

    /**
     * Text with its numbers compared as numbers: 2.10.1 after 2.9.4, laptop-10 after laptop-9.
     * "unknown" comes last, after every value that is known.
     */
    static int versionOrder(String a, String b) {
        boolean ua = dev.netdoctor.model.SummaryLine.UNKNOWN.equals(a);
        boolean ub = dev.netdoctor.model.SummaryLine.UNKNOWN.equals(b);
        if (ua || ub) {
            return ua && ub ? 0 : ua ? 1 : -1;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
