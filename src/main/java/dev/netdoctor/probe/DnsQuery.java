package dev.netdoctor.probe;

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
            long millis = elapsed(start);
            int rcode = response.getRcode();
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

    /** One question on a TCP connection of its own (RFC 1035 4.2.2: two length bytes, then the message). */
    private static Message overTcp(InetSocketAddress server, Message query, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(server, (int) Math.max(1, limit.toMillis()));
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            byte[] wire = query.toWire();
            java.io.DataOutputStream out = new java.io.DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readUnsignedShort()];
            in.readFully(answer);
            Message response = new Message(answer);
            if (response.getHeader().getID() != query.getHeader().getID()) {
                throw new IOException("the server answered another question (id " + response.getHeader().getID() + ")");
            }
            return response;
        }
    }

    private static DnsReply failed(String where, Transport transport, Throwable cause, long start, Duration limit) {
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
