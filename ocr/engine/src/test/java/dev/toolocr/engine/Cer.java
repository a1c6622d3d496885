package dev.toolocr.engine;

/** Character error rate: edit distance over the reference length, whitespace normalised. */
final class Cer {

    private Cer() {}

    static double of(String hypothesis, String reference) {
        String h = hypothesis.replaceAll("\\s+", " ").strip();
        String r = reference.replaceAll("\\s+", " ").strip();
        if (r.isEmpty()) {
            return h.isEmpty() ? 0 : 1;
        }
        int[] prev = new int[h.length() + 1];
        int[] cur = new int[h.length() + 1];
        for (int j = 0; j <= h.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= r.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= h.length(); j++) {
                int cost = r.charAt(i - 1) == h.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return (double) prev[h.length()] / r.length();
    }
}
