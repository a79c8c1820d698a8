package cn.shixun;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Two workers — two nodes, as far as the database can tell — released at the same moment. */
public final class TwoWorkers {

    private TwoWorkers() {
    }

    /** Runs {@code work} on two threads at once and waits for both; a failure of either is thrown. */
    public static void atOnce(Runnable work) throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                workers.add(nodes.submit(() -> {
                    go.await();
                    work.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
        } finally {
            nodes.shutdownNow();
        }
    }
}
