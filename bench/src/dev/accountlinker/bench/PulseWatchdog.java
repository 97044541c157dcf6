package dev.accountlinker.bench;

import javafx.animation.AnimationTimer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the gaps between JavaFX pulses. An {@link AnimationTimer} asks for a pulse every frame (60 Hz), so any
 * gap much longer than 16.7 ms is time the JavaFX thread spent busy. Gaps are attributed to the phase the harness
 * is in; a sampler thread looks at the JavaFX thread's stack during a long gap to say whose code held it:
 * WebView/WebKit (page loading, creating the WebView), our code (dev.accountlinker), or JavaFX itself.
 */
final class PulseWatchdog extends AnimationTimer {
    static final long LONG_GAP_NANOS = 50_000_000L;

    record Gap(String phase, double millis, String culprit) {}

    private volatile String phase = "idle";
    private volatile long lastPulse = System.nanoTime();
    private final Map<String, Double> maxByPhase = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Gap> longGaps = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> samples = new LinkedHashMap<>(); // culprit -> samples, for the current gap
    private volatile Thread fxThread;

    void phase(String name) {
        phase = name;
        maxByPhase.putIfAbsent(name, 0.0);
    }

    String phase() {
        return phase;
    }

    @Override
    public void start() {
        super.start();
        Thread sampler = new Thread(this::sample, "pulse-watchdog-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    @Override
    public void handle(long ignored) {
        long now = System.nanoTime();
        fxThread = Thread.currentThread();
        long gap = now - lastPulse;
        lastPulse = now;
        String current = phase;
        double millis = gap / 1e6;
        maxByPhase.merge(current, millis, Math::max);
        String culprit;
        synchronized (samples) {
            culprit = samples.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("(no sample)");
            samples.clear();
        }
        if (gap > LONG_GAP_NANOS) {
            longGaps.add(new Gap(current, millis, culprit));
        }
    }

    private void sample() {
        while (true) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
            Thread fx = fxThread;
            if (fx == null || System.nanoTime() - lastPulse < 25_000_000L) {
                continue;
            }
            String culprit = classify(fx.getStackTrace());
            synchronized (samples) {
                samples.merge(culprit, 1, Integer::sum);
            }
        }
    }

    /** "WebView: <our caller or top frame>", "ours: <frame>", or "JavaFX: <top frame>". */
    static String classify(StackTraceElement[] stack) {
        String ours = null;
        boolean webkit = false;
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            if (cls.equals("com.sun.glass.ui.EventLoop")
                    && frame.getMethodName().equals("enter")) {
                break; // a nested event loop (a dialog's showAndWait): the frames below only opened the dialog
            }
            if (cls.startsWith("com.sun.webkit") || cls.startsWith("javafx.scene.web")) {
                webkit = true;
            }
            if (ours == null && cls.startsWith("dev.accountlinker.") && !cls.startsWith("dev.accountlinker.bench.")) {
                ours = simple(frame);
            }
        }
        if (webkit) {
            return "WebView" + (ours != null ? " (called from " + ours + ")" : "");
        }
        if (ours != null) {
            return "ours: " + ours;
        }
        return "JavaFX: " + (stack.length > 0 ? simple(stack[0]) : "?");
    }

    private static String simple(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName();
    }

    Map<String, Double> maxByPhase() {
        synchronized (maxByPhase) {
            return new LinkedHashMap<>(maxByPhase);
        }
    }

    List<Gap> longGaps() {
        synchronized (longGaps) {
            return new ArrayList<>(longGaps);
        }
    }
}
