// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import dev.netdoctor.model.DnsReply;
import dev.netdoctor.model.DnsReply.Outcome;
import dev.netdoctor.model.DnsReply.Transport;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One real DNS question to one server over one transport, with our own time limit: what the
 * server itself answers, which the system resolver hides behind "Temporary failure in name
 * resolution" after waiting for every server and every retry. Uses dnsjava, not hand-made packets.
 */
public final class DnsQuery {
    private DnsQuery() {
    }

    /**
     * Ends dnsjava's network thread once this run's questions are all answered or given up (no
     * question may be in flight: a release racing with one can leave a thread behind). That
     * thread waits inside the operating system (epoll), and a JVM ending with such a thread waits
     * 300 ms for it (HotSpot's VM_Exit): every CLI run that asked a DNS server paid that at its
     * exit (measured: 0.3 s between the result written and the process gone). dnsjava starts the
     * thread again for the next question.
     */
    public static void releaseNetworkThread() {
        org.xbill.DNS.NioClient.close();
    }

    /**
     * Asks {@code server} (port 53 unless given) for the IPv4 addresses of {@code name}. Over
     * TCP a new connection of our own carries each question: dnsjava keeps TCP connections for
     * reuse, and one the server has closed since fails at once (a test showed it), which would
     * read as a broken server.
     */
    public static DnsReply ask(InetSocketAddress server, String name, Transport transport, Duration limit) throws InterruptedException {
        String where = server.getAddress().getHostAddress() + (server.getPort() == 53 ? "" : ":" + server.getPort());
        long start = System.nanoTime();
        try {
            Name qname = Name.fromString(name.endsWith(".") ? name : name + ".");
            Message query = Message.newQuery(Record.newRecord(qname, Type.A, DClass.IN));
            Message response;
            if (transport == Transport.TCP) {
                response = overTcp(server, query, limit);
            } else {
                SimpleResolver resolver = new SimpleResolver(server);
                resolver.setTimeout(limit);
                // Bounded twice: dnsjava's own timeout, and ours on the future, a little later.
                response = resolver.sendAsync(query).toCompletableFuture().get(limit.toMillis() + 500, TimeUnit.MILLISECONDS);
            }
            return reply(where, transport, qname, response, elapsed(start));
        } catch (TextParseException e) {
            return new DnsReply(where, transport, Outcome.ERROR, List.of(), elapsed(start), "not a DNS name: " + e.getMessage());
        } catch (TimeoutException e) {
            return new DnsReply(where, transport, Outcome.NO_ANSWER, List.of(), elapsed(start), "no answer within " + limit.toMillis() + " ms");
        } catch (ExecutionException | CompletionException e) {
            return failed(where, transport, e.getCause() == null ? e : e.getCause(), start, limit);
        } catch (IOException e) {
            return failed(where, transport, e, start, limit);
        }
    }

    private static DnsReply reply(String where, Transport transport, Name asked, Message response, long millis) {
        int rcode = response.getRcode();
        Record question = response.getQuestion();
        if (question != null && !question.getName().equals(asked)) {
            return mismatch(where, transport, asked.toString(), question.getName().toString(), millis);
        }
        List<String> addresses = response.getSection(Section.ANSWER).stream()
                .filter(ARecord.class::isInstance).map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
        Outcome outcome = switch (rcode) {
            case Rcode.NOERROR -> addresses.isEmpty() ? Outcome.NO_ADDRESS : Outcome.ANSWER;
            case Rcode.NXDOMAIN -> Outcome.NXDOMAIN;
            case Rcode.SERVFAIL -> Outcome.SERVFAIL;
            case Rcode.REFUSED -> Outcome.REFUSED;
            default -> Outcome.ERROR;
        };
        return new DnsReply(where, transport, outcome, addresses, millis, Rcode.string(rcode));
    }

    /**
     * Carries one question from inside a WSL distro reached through wsl.exe, so it takes the
     * distro's DNS path and not Windows'. dnsjava makes the question and reads the answer; the
     * distro only moves the bytes, with bash's /dev/udp and /dev/tcp (a fixed script: the server,
     * port, limit and the question reach it as arguments, the question as base64). The limit is
     * kept inside the distro by {@code timeout}, so it bounds the network, not wsl.exe's start.
     */
    // UDP: one read is one datagram. TCP: a server may send the 2-byte length and the message in
    // separate segments, so the length is read byte by byte and then exactly that many bytes
    // (dd iflag=fullblock keeps reading); the length goes out again in front, for the check below.
    static final String RELAY_SCRIPT = "exec 3<>\"/dev/$5/$1/$2\" || exit 3\n"
            + "printf %s \"$4\" | base64 -d >&3 || exit 4\n"
            + "if [ \"$5\" = udp ]; then dd bs=65536 count=1 status=none <&3 | base64 -w0; exit; fi\n"
            + "read -r hi lo < <(dd bs=1 count=2 status=none <&3 | od -An -tu1)\n"
            + "[ -n \"$lo\" ] || exit 5\n"
            + "{ printf \"\\\\$(printf %03o \"$hi\")\\\\$(printf %03o \"$lo\")\"; dd bs=$((hi * 256 + lo)) count=1 iflag=fullblock status=none <&3; } | base64 -w0\n";

    public static DnsReply askInside(dev.netdoctor.host.LinuxSide linux, String server, int port, String name, Transport transport,
                                     Duration limit) throws InterruptedException {
        String where = server + (port == 53 ? "" : ":" + port);
        Message query;
        try {
            query = Message.newQuery(Record.newRecord(Name.fromString(name.endsWith(".") ? name : name + "."), Type.A, DClass.IN));
        } catch (TextParseException e) {
            return new DnsReply(where, transport, Outcome.ERROR, List.of(), 0, "not a DNS name: " + e.getMessage());
        }
        byte[] wire = query.toWire();
        if (transport == Transport.TCP) {
            byte[] framed = new byte[wire.length + 2];
            framed[0] = (byte) (wire.length >> 8);
            framed[1] = (byte) wire.length;
            System.arraycopy(wire, 0, framed, 2, wire.length);
            wire = framed;
        }
        String seconds = String.valueOf(Math.max(1, limit.toSeconds()));
        List<String> argv = List.of("timeout", seconds, "bash", "-c", RELAY_SCRIPT, "dns", server, String.valueOf(port), seconds,
                java.util.Base64.getEncoder().encodeToString(wire), transport == Transport.TCP ? "tcp" : "udp");
        dev.netdoctor.model.CommandRun run = linux.run(argv, limit.plusSeconds(30));
        long millis = run.durationMillis();
        String err = run.stderr() == null ? "" : run.stderr().strip();
        String out = run.stdout() == null ? "" : run.stdout().strip();
        if (out.isEmpty()) {
            String lower = err.toLowerCase(java.util.Locale.ROOT);
            if (run.exitCode() == 124 || run.timedOut()) {
                return new DnsReply(where, transport, Outcome.NO_ANSWER, List.of(), millis, "no answer within " + limit.toMillis() + " ms");
            }
            if (lower.contains("connection refused")) {
                return new DnsReply(where, transport, Outcome.UNREACHABLE, List.of(), millis, "nothing listens there (connection refused)");
            }
            return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis, err.isEmpty() ? "no reply (exit " + run.exitCode() + ")" : err);
        }
        try {
            byte[] bytes = java.util.Base64.getDecoder().decode(out);
            if (transport == Transport.TCP) {
                int length = bytes.length >= 2 ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff) : -1;
                if (length < 0 || bytes.length - 2 < length) {
                    return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis, "the answer came in parts (" + bytes.length + " bytes)");
                }
                bytes = java.util.Arrays.copyOfRange(bytes, 2, 2 + length);
            }
            Message response = new Message(bytes);
            if (response.getHeader().getID() != query.getHeader().getID()) {
                return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis, "the server answered another question");
            }
            return reply(where, transport, query.getQuestion().getName(), response, millis);
        } catch (IllegalArgumentException | IOException e) {
            return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis, "not a DNS answer: " + e.getMessage());
        }
    }

    /**
     * One question on a TCP connection of its own (RFC 1035 4.2.2: two length bytes, then the
     * message). A non-blocking channel waited on with a selector: an interrupt (a question no
     * longer waited for) ends the wait at once on any thread. A java.net.Socket would need a
     * virtual thread for that, and a virtual thread's socket starts the JDK's poller thread, which
     * waits inside the OS for the rest of the process: the JVM then waits 300 ms for it at exit.
     */
    private static Message overTcp(InetSocketAddress server, Message query, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open();
             java.nio.channels.Selector selector = java.nio.channels.Selector.open()) {
            channel.configureBlocking(false);
            if (!channel.connect(server)) {
                java.nio.channels.SelectionKey key = channel.register(selector, java.nio.channels.SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    await(selector, deadline, "connect");
                }
                key.interestOps(0);
            }
            byte[] wire = query.toWire();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(2 + wire.length).putShort((short) wire.length).put(wire).flip();
            java.nio.channels.SelectionKey key = channel.keyFor(selector) != null ? channel.keyFor(selector)
                    : channel.register(selector, 0);
            key.interestOps(java.nio.channels.SelectionKey.OP_WRITE);
            while (out.hasRemaining()) {
                if (channel.write(out) == 0) {
                    await(selector, deadline, "write");
                }
            }
            key.interestOps(java.nio.channels.SelectionKey.OP_READ);
            java.nio.ByteBuffer length = read(channel, selector, java.nio.ByteBuffer.allocate(2), deadline);
            java.nio.ByteBuffer body = read(channel, selector, java.nio.ByteBuffer.allocate(Short.toUnsignedInt(length.flip().getShort())), deadline);
            Message response = new Message(body.array());
            if (response.getHeader().getID() != query.getHeader().getID()) {
                throw new IOException("the server answered another question (id " + response.getHeader().getID() + ")");
            }
            return response;
        }
    }

    private static java.nio.ByteBuffer read(java.nio.channels.SocketChannel channel, java.nio.channels.Selector selector,
                                            java.nio.ByteBuffer into, long deadline) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into);
            if (n < 0) {
                throw new java.io.EOFException("the server closed the connection");
            }
            if (n == 0) {
                await(selector, deadline, "read");
            }
        }
        return into;
    }

    /** Waits for the channel's interest, at most until {@code deadline}; an interrupt ends it. */
    private static void await(java.nio.channels.Selector selector, long deadline, String what) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
            throw new SocketTimeoutException(what + " timed out");
        }
        selector.select(left);
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException(what + " given up");
        }
    }

    /**
     * An answer for another name than asked, what dig calls "Question section mismatch": DNS
     * tunneling has been seen answering with a search suffix after the name (microsoft/WSL#11382, #13415).
     */
    private static DnsReply mismatch(String where, Transport transport, String asked, String other, long millis) {
        boolean suffix = other.toLowerCase(java.util.Locale.ROOT).startsWith(asked.toLowerCase(java.util.Locale.ROOT));
        return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis,
                (suffix ? DnsReply.SUFFIX_APPENDED : DnsReply.QUESTION_MISMATCH) + ": the answer is for " + other);
    }

    /** dnsjava's resolver refuses such an answer itself over UDP, saying which name it expected and got. */
    private static final java.util.regex.Pattern REFUSED_QUESTION = java.util.regex.Pattern.compile(
            "invalid name in message: expected (\\S+); got (\\S+)");

    private static DnsReply failed(String where, Transport transport, Throwable cause, long start, Duration limit) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            java.util.regex.Matcher m = t instanceof org.xbill.DNS.WireParseException && t.getMessage() != null
                    ? REFUSED_QUESTION.matcher(t.getMessage()) : null;
            if (m != null && m.find()) {
                return mismatch(where, transport, m.group(1), m.group(2), elapsed(start));
            }
        }
        Throwable c = cause;
        while (c.getCause() != null && !(c instanceof PortUnreachableException) && !(c instanceof ConnectException)
                && !(c instanceof SocketTimeoutException)) {
            c = c.getCause();
        }
        long millis = elapsed(start);
        if (c instanceof PortUnreachableException || c instanceof ConnectException) {
            return new DnsReply(where, transport, Outcome.UNREACHABLE, List.of(), millis, "nothing listens there (" + c.getClass().getSimpleName() + ")");
        }
        String text = (c.getClass().getSimpleName() + " " + c.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (c instanceof SocketTimeoutException || c instanceof java.util.concurrent.TimeoutException
                || text.contains("timed out") || text.contains("timeout")) {
            return new DnsReply(where, transport, Outcome.NO_ANSWER, List.of(), millis, "no answer within " + limit.toMillis() + " ms");
        }
        String message = c instanceof IOException && c.getMessage() != null ? c.getClass().getSimpleName() + ": " + c.getMessage() : c.toString();
        return new DnsReply(where, transport, Outcome.ERROR, List.of(), millis, message);
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
