import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STOMP load generator for the incident server (bench/stomp/run.sh starts the servers). No
 * dependencies beyond the JDK: a hand-written STOMP 1.2 client on java.net.http.WebSocket, so that
 * what is measured is the server, not a client framework.
 *
 * <pre>
 * java bench/stomp/StompLoad.java --api http://127.0.0.1:8101[,http://127.0.0.1:8102] \
 *     --users 500 --rooms 50 --rate 100 --seconds 60 --saturate-seconds 15 --password-prefix P
 * </pre>
 *
 * Client i is user bench{i}; room r holds users r*k .. r*k+k-1 (k = users/rooms), each member on
 * node (member index % nodes), so that with two nodes every room has subscribers on both. Phases:
 * (1) the offered rate of room messages for the given seconds: send-to-receive latency of every
 * delivery and delivered/expected (each message must reach every member of its room exactly once);
 * (2) saturation, closed loop with a window per room: room messages, then the echo endpoint
 * (profile stomp-echo-bench) as the ceiling of the same sockets and broker without the database.
 */
public class StompLoad {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    static final Pattern CONTENT = Pattern.compile("\"content\":\"b\\|(\\d+)\\|(\\d+)\\|(\\d+)\"");
    static final Pattern ECHO = Pattern.compile("\"e\":\"(\\d+)\\|(\\d+)\\|(\\d+)\"");

    static List<String> apis;
    static int users;
    static int rooms;
    static int perRoom;
    static String passwordPrefix;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        apis = Arrays.asList(opt.getOrDefault("api", "http://127.0.0.1:8100").split(","));
        users = Integer.parseInt(opt.getOrDefault("users", "500"));
        rooms = Integer.parseInt(opt.getOrDefault("rooms", "50"));
        perRoom = users / rooms;
        int rate = Integer.parseInt(opt.getOrDefault("rate", "100"));
        int seconds = Integer.parseInt(opt.getOrDefault("seconds", "60"));
        int saturate = Integer.parseInt(opt.getOrDefault("saturate-seconds", "15"));
        int window = Integer.parseInt(opt.getOrDefault("window", "2"));
        passwordPrefix = opt.getOrDefault("password-prefix", "Bench-pw-");

        long t0 = System.nanoTime();
        String[] tokens = signInAll();
        String[] roomIds = createRooms(tokens);
        log("signed in %d users, %d rooms of %d (%.1f s)", users, rooms, perRoom, (System.nanoTime() - t0) / 1e9);

        Client[] clients = new Client[users];
        ExecutorService connecting = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            done.add(CompletableFuture.runAsync(
                    () -> {
                        int room = n / perRoom;
                        String api = apis.get((n % perRoom) % apis.size());
                        Client c = new Client(n, room, api.replaceFirst("^http", "ws") + "/ws");
                        c.open(tokens[n]);
                        c.subscribe("/topic/rooms." + roomIds[room]);
                        c.subscribe("/user/queue/errors");
                        c.subscribe("/topic/echo." + room);
                        clients[n] = c;
                    },
                    connecting));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        connecting.shutdown();
        log("%d sockets connected and subscribed on %d node(s) (%.1f s)", users, apis.size(),
                (System.nanoTime() - t0) / 1e9);

        // (1) offered rate
        Stats offered = new Stats(rate * seconds, perRoom);
        Recorder.current = offered;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ExecutorService sending = Executors.newFixedThreadPool(4);
        AtomicInteger k = new AtomicInteger();
        CountDownLatch sent = new CountDownLatch(rate * seconds);
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(
                () -> {
                    // Catch up if the ticker fell behind, so the offered rate stays the rate.
                    long due = Math.min(rate * seconds, (System.nanoTime() - start) / periodNanos + 1);
                    while (k.get() < due) {
                        int m = k.getAndIncrement();
                        if (m >= rate * seconds) {
                            return;
                        }
                        int room = m % rooms;
                        int member = (m / rooms) % perRoom;
                        Client from = clients[room * perRoom + member];
                        sending.execute(() -> {
                            from.sendRoomMessage(roomIds[room], m, 0);
                            sent.countDown();
                        });
                    }
                },
                0,
                Math.max(1, periodNanos / 1000),
                TimeUnit.MICROSECONDS);
        sent.await(seconds + 60L, TimeUnit.SECONDS);
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        ticker.shutdownNow();
        offered.awaitAll(Duration.ofSeconds(20));
        double offeredRate = rate * seconds / sendSeconds;

        // (2) saturation: rooms, then echo
        double[] roomPhase = saturate(clients, roomIds, window, saturate, false, sending);
        double[] echoPhase = saturate(clients, roomIds, window, saturate, true, sending);
        double roomThroughput = roomPhase[0];
        double echoThroughput = echoPhase[0];
        sending.shutdown();

        long[] lat = offered.latencies();
        System.out.printf("offered            %d messages at %.1f/s for %.1f s, %d clients, %d rooms%n",
                rate * seconds, offeredRate, sendSeconds, users, rooms);
        System.out.printf("latency            p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                pct(lat, 50), pct(lat, 99), lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
        System.out.printf("delivered/expected %d/%d = %s   (duplicates %d, refused sends %d)%n",
                offered.delivered(), offered.expected(), ratio(offered.delivered(), offered.expected()),
                offered.duplicates.get(), offered.refused.get());
        System.out.printf("saturation         rooms %.0f msg/s   echo %.0f msg/s   ratio %.2f (window %d per room)%n",
                roomThroughput, echoThroughput, roomThroughput / echoThroughput, window);
        // Like with like: every member of a room subscribes to its echo topic too, so both phases fan
        // each message out to the room's members; a room frame is the full event, an echo frame a stub.
        System.out.printf("frames delivered   rooms %.0f/s   echo %.0f/s   (fan-out %d per message in both; mean frame"
                        + " %.0f chars rooms, %.0f echo)%n",
                roomPhase[1], echoPhase[1], perRoom, roomPhase[2], echoPhase[2]);
        for (Client c : clients) {
            c.close();
        }
        System.exit(0);
    }

    static String ratio(long a, long b) {
        return a == b ? "1.0" : String.format("%.6f", (double) a / b);
    }

    /** Closed loop: each room keeps {@code window} messages in flight; one completes when its sender sees it. */
    static double[] saturate(Client[] clients, String[] roomIds, int window, int seconds, boolean echo,
            ExecutorService sending) throws Exception {
        Stats stats = new Stats(Integer.MAX_VALUE, perRoom);
        Recorder.current = stats;
        AtomicInteger next = new AtomicInteger(1_000_000 * (echo ? 3 : 2));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong completed = new AtomicLong();
        Semaphore[] windows = new Semaphore[rooms];
        for (int r = 0; r < rooms; r++) {
            windows[r] = new Semaphore(window);
        }
        stats.onOwn = (room) -> {
            completed.incrementAndGet();
            windows[room].release();
        };
        List<Thread> loops = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            int room = r;
            Thread t = new Thread(() -> {
                int turn = 0;
                while (System.nanoTime() < end) {
                    try {
                        if (!windows[room].tryAcquire(2, TimeUnit.SECONDS)) {
                            continue;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    Client from = clients[room * perRoom + (turn++ % perRoom)];
                    int m = next.getAndIncrement();
                    if (echo) {
                        from.sendEcho(room, m);
                    } else {
                        from.sendRoomMessage(roomIds[room], m, 1);
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            loops.add(t);
        }
        long started = System.nanoTime();
        for (Thread t : loops) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long done = completed.get(); // read once: completions go on arriving during the pause below
        long frames = stats.delivered();
        double meanChars = frames == 0 ? 0 : (double) stats.frameChars.get() / frames;
        long[] lat = stats.latencies();
        log("saturation %-5s %.0f msg/s (%d in %.1f s), p50 %.1f ms p99 %.1f ms, refused %d", echo ? "echo" : "rooms",
                done / elapsed, done, elapsed, pct(lat, 50), pct(lat, 99), stats.refused.get());
        Thread.sleep(3000); // let the last frames land before the next phase
        return new double[] {done / elapsed, frames / elapsed, meanChars};
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static void log(String format, Object... args) {
        System.err.printf("stomp-load: " + format + "%n", args);
    }

    // --- HTTP set-up ---

    static String[] signInAll() throws Exception {
        String[] tokens = new String[users];
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            all.add(CompletableFuture.runAsync(() -> {
                String body = "{\"username\":\"bench" + n + "\",\"password\":\"" + passwordPrefix + n + "\"}";
                String answer = http("POST", apis.get(0) + "/api/v2/auth/login", null, body, 200);
                tokens[n] = field(answer, "access_token");
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        pool.shutdown();
        return tokens;
    }

    static String[] createRooms(String[] tokens) throws Exception {
        String[] ids = new String[rooms];
        for (int r = 0; r < rooms; r++) {
            String body = "{\"title\":\"Bench room " + r + "\",\"line\":\"L" + (r % 7) + "\",\"equipment\":\"bench-"
                    + System.nanoTime() + "-" + r + "\",\"category\":\"machine_down\",\"severity\":\"high\","
                    + "\"visibility\":\"open\"}";
            ids[r] = field(http("POST", apis.get(0) + "/api/v2/rooms", tokens[r * perRoom], body, 201), "id");
            for (int m = 1; m < perRoom; m++) {
                http("POST", apis.get(0) + "/api/v2/rooms/" + ids[r] + "/join", tokens[r * perRoom + m], null, -1);
            }
        }
        return ids;
    }

    static String http(String method, String url, String token, String body, int expect) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            b.header("Content-Type", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (expect > 0 && r.statusCode() != expect) {
                throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            if (expect < 0 && r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    // --- measurements ---

    static final class Recorder {
        static volatile Stats current;
    }

    /** Deliveries of one phase: each (message, receiver) once, with its latency. */
    static final class Stats {
        final long messages;
        final int fanOut;
        final Map<Long, Boolean> seen = new ConcurrentHashMap<>();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong sentCount = new AtomicLong();
        final AtomicLong frameChars = new AtomicLong();
        private long[] latencies = new long[1 << 16];
        private int count;
        volatile java.util.function.IntConsumer onOwn;

        Stats(long messages, int fanOut) {
            this.messages = messages;
            this.fanOut = fanOut;
        }

        void delivered(int receiver, int room, long message, int sender, long sentAt) {
            long now = System.nanoTime();
            if (seen.putIfAbsent(message * 10_000 + receiver, Boolean.TRUE) != null) {
                duplicates.incrementAndGet();
                return;
            }
            synchronized (this) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = now - sentAt;
            }
            if (receiver == sender && onOwn != null) {
                onOwn.accept(room);
            }
        }

        long delivered() {
            return seen.size();
        }

        long expected() {
            return (messages - refused.get()) * fanOut;
        }

        synchronized long[] latencies() {
            long[] copy = Arrays.copyOf(latencies, count);
            Arrays.sort(copy);
            return copy;
        }

        void awaitAll(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (delivered() < expected() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1000); // a late duplicate would show here
        }
    }

    // --- a small STOMP 1.2 client ---

    static final class Client implements WebSocket.Listener {
        final int index;
        final int room;
        final String url;
        private WebSocket socket;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> connected = new CompletableFuture<>();
        private final Map<String, CompletableFuture<Void>> receipts = new ConcurrentHashMap<>();
        private final AtomicInteger ids = new AtomicInteger();

        Client(int index, int room, String url) {
            this.index = index;
            this.room = room;
            this.url = url;
        }

        void open(String token) {
            socket = HTTP.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(url), this)
                    .join();
            write("CONNECT\naccept-version:1.2\nhost:incident\nheart-beat:0,0\nAuthorization:Bearer " + token + "\n\n\0");
            connected.orTimeout(60, TimeUnit.SECONDS).join();
        }

        void subscribe(String destination) {
            String id = "s" + ids.incrementAndGet();
            CompletableFuture<Void> receipt = new CompletableFuture<>();
            receipts.put("r-" + id, receipt);
            write("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\nreceipt:r-" + id + "\n\n\0");
            receipt.orTimeout(60, TimeUnit.SECONDS).join();
        }

        void sendRoomMessage(String roomId, long m, int phase) {
            String body = "{\"content\":\"b|" + m + "|" + index + "|" + System.nanoTime() + "\",\"client_id\":\"b-"
                    + phase + "-" + m + "\"}";
            write("SEND\ndestination:/app/rooms." + roomId + ".messages\ncontent-type:application/json\ncontent-length:"
                    + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body + "\0");
            Recorder.current.sentCount.incrementAndGet();
        }

        void sendEcho(int echoRoom, long m) {
            String body = "{\"e\":\"" + m + "|" + index + "|" + System.nanoTime() + "\"}";
            write("SEND\ndestination:/app/echo." + echoRoom + "\ncontent-type:application/json\ncontent-length:"
                    + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body + "\0");
            Recorder.current.sentCount.incrementAndGet();
        }

        private synchronized void write(String frame) {
            // One outstanding send per WebSocket, as java.net.http requires.
            socket.sendText(frame, true).join();
        }

        void close() {
            try {
                write("DISCONNECT\n\n\0");
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the benchmark is over
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                for (String frame : text.split("\0")) {
                    frame(frame.stripLeading());
                }
            }
            ws.request(1);
            return null;
        }

        private void frame(String frame) {
            if (frame.isEmpty()) {
                return; // heart-beat
            }
            int nl = frame.indexOf('\n');
            String command = nl < 0 ? frame : frame.substring(0, nl);
            switch (command) {
                case "CONNECTED" -> connected.complete(null);
                case "RECEIPT" -> {
                    String id = header(frame, "receipt-id");
                    CompletableFuture<Void> r = id == null ? null : receipts.remove(id);
                    if (r != null) {
                        r.complete(null);
                    }
                }
                case "MESSAGE" -> message(frame);
                case "ERROR" -> {
                    connected.completeExceptionally(new IllegalStateException(frame));
                    log("client %d got ERROR: %s", index, frame.replace('\n', ' '));
                }
                default -> {}
            }
        }

        private void message(String frame) {
            Stats stats = Recorder.current;
            if (stats == null) {
                return;
            }
            String destination = header(frame, "destination");
            if (destination != null && destination.contains("errors")) {
                stats.refused.incrementAndGet();
                log("client %d: refused: %s", index, frame.substring(frame.indexOf("\n\n") + 2));
                return;
            }
            Matcher m = (destination != null && destination.startsWith("/topic/echo.") ? ECHO : CONTENT).matcher(frame);
            if (m.find() && (!frame.contains("\"type\":") || frame.contains("\"type\":\"message.created\""))) {
                stats.frameChars.addAndGet(frame.length());
                stats.delivered(index, room, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)),
                        Long.parseLong(m.group(3)));
            }
        }

        private static String header(String frame, String name) {
            int end = frame.indexOf("\n\n");
            String head = end < 0 ? frame : frame.substring(0, end);
            for (String line : head.split("\n")) {
                if (line.startsWith(name + ":")) {
                    return line.substring(name.length() + 1);
                }
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            log("client %d: socket error %s", index, error);
            connected.completeExceptionally(error);
        }
    }
}
