package dev.hilbench.server.forward;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a response body and reads the rest into nothing: enough to quote an
 * error, never a whole page in memory, and the body is still consumed so that the connection can
 * be reused.
 */
final class BodyStart implements Flow.Subscriber<List<ByteBuffer>> {

  private final byte[] kept;
  private int length;

  private BodyStart(int limit) {
    this.kept = new byte[limit];
  }

  /** A body handler whose body is the first {@code limit} bytes. */
  static HttpResponse.BodyHandler<byte[]> handler(int limit) {
    return info -> BodySubscribers.fromSubscriber(new BodyStart(limit), BodyStart::bytes);
  }

  private byte[] bytes() {
    return Arrays.copyOf(kept, length);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    for (ByteBuffer b : buffers) {
      int n = Math.min(b.remaining(), kept.length - length);
      b.get(kept, length, n);
      length += n;
    }
  }

  @Override
  public void onError(Throwable error) {
    // The HTTP client completes the response future exceptionally with the same error.
  }

  @Override
  public void onComplete() {
    // bytes() is read by the client once the body is complete.
  }
}
