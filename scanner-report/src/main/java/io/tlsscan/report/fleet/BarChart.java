package io.tlsscan.report.fleet;

import io.tlsscan.report.SafeText;
import java.util.List;
import java.util.Map;

/** A horizontal bar chart as inline SVG: one labelled bar per entry, its count at its end. */
final class BarChart {
  private static final int WIDTH = 440;
  private static final int LABEL = 150;
  private static final int BAR = 22;
  private static final int LABEL_CHARS = 24;

  private BarChart() {}

  /** A {@code <figure id=ID>} with a caption and the chart (a note when there are no bars). */
  static String svg(String id, String title, List<Map.Entry<String, Long>> bars, String colour) {
    long max = bars.stream().mapToLong(Map.Entry::getValue).max().orElse(0);
    int height = Math.max(bars.size(), 1) * BAR + 8;
    StringBuilder svg =
        new StringBuilder("<figure id=\"")
            .append(id)
            .append("\"><figcaption>")
            .append(SafeText.forMarkup(title))
            .append(
                "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
            .append(WIDTH)
            .append("\" height=\"")
            .append(height)
            .append("\" aria-label=\"")
            .append(SafeText.forMarkup(title))
            .append("\">");
    if (bars.isEmpty()) {
      svg.append("<text x=\"4\" y=\"18\">no data</text>");
    }
    int y = 4;
    for (Map.Entry<String, Long> bar : bars) {
      String label = bar.getKey();
      String shown =
          label.length() > LABEL_CHARS ? label.substring(0, LABEL_CHARS - 1) + "…" : label;
      long width = max == 0 ? 0 : Math.round((WIDTH - LABEL - 60) * (double) bar.getValue() / max);
      svg.append("<g><title>")
          .append(SafeText.forMarkup(label + ": " + bar.getValue()))
          .append("</title><text x=\"")
          .append(LABEL - 6)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" text-anchor=\"end\" font-size=\"12\">")
          .append(SafeText.forMarkup(shown))
          .append("</text><rect class=\"bar\" x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y + 2)
          .append("\" width=\"")
          .append(width)
          .append("\" height=\"")
          .append(BAR - 6)
          .append("\" fill=\"")
          .append(colour)
          .append("\"/><text x=\"")
          .append(LABEL + width + 4)
          .append("\" y=\"")
          .append(y + 15)
          .append("\" font-size=\"12\">")
          .append(bar.getValue())
          .append("</text></g>");
      y += BAR;
    }
    return svg.append("</svg></figure>\n").toString();
  }
}
