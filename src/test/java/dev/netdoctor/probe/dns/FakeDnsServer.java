// SPDX-FileCopyrightText: 2025 WSL Net Doctor contributors
// SPDX-License-Identifier: Apache-2.0
package dev.netdoctor.probe.dns;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small DNS server of the test's own on 127.0.0.1 (UDP and TCP on one port), answering what
 * the test says: addresses for known names, NXDOMAIN for others, or SERVFAIL, REFUSED or silence.
 * Messages are dnsjava's, the sockets are real.
 */
final class FakeDnsServer implements AutoCloseable {
    /**
     * SUFFIX_APPENDED answers for the name asked with ".lan" after it, OTHER_QUESTION for another
     * name altogether: what DNS tunneling was seen doing (dig: "Question section mismatch").
     */
    enum Mode { ANSWER, SERVFAIL, REFUSED, SILENT, SUFFIX_APPENDED, OTHER_QUESTION,
        /** UDP only: hold each question until a TCP question has arrived (at most {@link #holdMillis}), then answer; else stay silent. */
        ANSWER_ONCE_TCP_ARRIVED }

    private final Map<String, String> names;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    volatile Mode udpMode = Mode.ANSWER;
    volatile Mode tcpMode = Mode.ANSWER;
    final AtomicInteger udpQuestions = new AtomicInteger();
    final AtomicInteger tcpQuestions = new AtomicInteger();
    /** Counted down when a TCP question has arrived (its message read). */
    final java.util.concurrent.CountDownLatch tcpArrived = new java.util.concurrent.CountDownLatch(1);
    volatile long holdMillis = 5000;

    FakeDnsServer(Map<String, String> names) throws IOException {
        this.names = names;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket t = null;
        DatagramSocket u = null;
        // One port for both, as a real server has: try a few until UDP and TCP are both free.
        for (int i = 0; i < 20 && u == null; i++) {
            t = new ServerSocket(0, 50, loopback);
            try {
                u = new DatagramSocket(new InetSocketAddress(loopback, t.getLocalPort()));
            } catch (SocketException busy) {
                t.close();
            }
        }
        if (u == null) {
            throw new IOException("no free port for UDP and TCP together");
        }
        this.tcp = t;
        this.udp = u;
        Thread.ofVirtual().start(this::serveUdp);
        Thread.ofVirtual().start(this::serveTcp);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), tcp.getLocalPort());
    }

    private byte[] answer(byte[] request, Mode mode) throws IOException {
        Message q = new Message(request);
        Message r = new Message(q.getHeader().getID());
        r.getHeader().setFlag(Flags.QR);
        r.getHeader().setFlag(Flags.RA);
        Record question = q.getQuestion();
        if (mode == Mode.SUFFIX_APPENDED || mode == Mode.OTHER_QUESTION) {
            org.xbill.DNS.Name other = org.xbill.DNS.Name.fromString(mode == Mode.SUFFIX_APPENDED
                    ? question.getName().toString(true) + ".lan." : "other.example.test.");
            question = Record.newRecord(other, question.getType(), question.getDClass());
        }
        r.addRecord(question, Section.QUESTION);
        String name = question.getName().toString(true);
        switch (mode) {
            case SERVFAIL -> r.getHeader().setRcode(Rcode.SERVFAIL);
            case REFUSED -> r.getHeader().setRcode(Rcode.REFUSED);
            default -> {
                String address = names.get(name);
                if (address == null) {
                    r.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    r.addRecord(new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(address)), Section.ANSWER);
                }
            }
        }
        return r.toWire();
    }

    private void serveUdp() {
        byte[] buffer = new byte[4096];
        while (!udp.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                udp.receive(p);
                udpQuestions.incrementAndGet();
                if (udpMode == Mode.SILENT) {
                    continue;
                }
                if (udpMode == Mode.ANSWER_ONCE_TCP_ARRIVED
                        && !tcpArrived.await(holdMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    continue;
                }
                byte[] request = java.util.Arrays.copyOf(p.getData(), p.getLength());
                byte[] out = answer(request, udpMode == Mode.ANSWER_ONCE_TCP_ARRIVED ? Mode.ANSWER : udpMode);
                udp.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a request we cannot read: go on until closed
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket s = tcp.accept()) {
                s.setSoTimeout(5000);
                tcpQuestions.incrementAndGet();
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                tcpArrived.countDown();
                if (tcpMode == Mode.SILENT) {
                    s.setSoTimeout((int) Math.max(5000, holdMillis * 2));
                    in.read(); // hold the connection until the client gives up
                    continue;
                }
                byte[] out = answer(request, tcpMode);
                DataOutputStream o = new DataOutputStream(s.getOutputStream());
                o.writeShort(out.length);
                o.write(out);
                o.flush();
            } catch (IOException e) {
                // closed, or the client went away
            }
        }
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
