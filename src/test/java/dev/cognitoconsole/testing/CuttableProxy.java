package dev.cognitoconsole.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on 127.0.0.1 in front of a test server, whose network can be cut and restored: {@link #cut()} resets
 * every open connection and stops listening (new connections are refused, as with no network), {@link #restore()}
 * listens on the same port again.
 */
public final class CuttableProxy implements AutoCloseable {
    private final int targetPort;
    private final int port;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "cuttable-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;
    private volatile int connections;

    private CuttableProxy(int targetPort) {
        this.targetPort = targetPort;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** Forwards 127.0.0.1:(free port) to 127.0.0.1:{@code targetPort}. */
    public static CuttableProxy to(int targetPort) {
        return new CuttableProxy(targetPort);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections;
    }

    /** The network drops: open connections are reset, new ones refused. */
    public synchronized void cut() {
        closeQuietly(listener);
        for (Socket socket : open) {
            reset(socket);
        }
        open.clear();
    }

    /** The network comes back. */
    public synchronized void restore() {
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
    }

    @Override
    public void close() {
        cut();
        threads.shutdownNow();
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private void accept(ServerSocket server) {
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    connections++;
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    open.add(client);
                    open.add(upstream);
                    threads.execute(() -> pump(client, upstream));
                    threads.execute(() -> pump(upstream, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException ended) {
            reset(to);
        } finally {
            open.remove(from);
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException ignored) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }
}
