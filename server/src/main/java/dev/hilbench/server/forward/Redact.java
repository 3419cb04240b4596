package dev.hilbench.server.forward;

import java.net.URI;

/**
 * URLs as they may appear in logs, {@code /status} and metrics. Cloud services for classroom
 * sensors often take their API key in the query string ({@code ?api_key=...}) or in user info
 * ({@code https://user:key@host/}), so both are hidden: user info is dropped and every query value
 * becomes {@code ***}. The names stay, so a reader can still tell which URL it is.
 */
final class Redact {

  private Redact() {}

  static String url(URI url) {
    StringBuilder s = new StringBuilder();
    if (url.getScheme() != null) {
      s.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      s.append(url.getHost());
      if (url.getPort() >= 0) {
        s.append(':').append(url.getPort());
      }
    } else if (url.getRawAuthority() != null) {
      String authority = url.getRawAuthority();
      s.append(authority.substring(authority.lastIndexOf('@') + 1));
    }
    if (url.getRawPath() != null) {
      s.append(url.getRawPath());
    }
    String query = url.getRawQuery();
    if (query != null) {
      s.append('?');
      String[] pairs = query.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        if (i > 0) {
          s.append('&');
        }
        int eq = pairs[i].indexOf('=');
        s.append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq)).append(eq < 0 ? "" : "=***");
      }
    }
    return s.toString();
  }
}
