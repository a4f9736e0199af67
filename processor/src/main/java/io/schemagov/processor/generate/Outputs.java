package io.schemagov.processor.generate;

import io.schemagov.processor.rules.Messages;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * The files one compilation generates, and the thread that renders them.
 *
 * <p>javac's model, {@code Filer} and {@code Messager} are for javac's thread only, but rendering the
 * files (DDL, JSON, the report, compiling the generated classes) needs none of them. So when the
 * analysis runs before javac's last round, each file is rendered on a thread of its own while javac
 * goes on to that round (which re-enters every compilation unit of the module: seconds for a large
 * one), and the rendered bytes and any diagnostics are handed to the {@code Filer} and the
 * {@code Messager}, in order, on javac's thread in the last round ({@link #finish()}); the
 * originating elements go to the {@code Filer} then, which only reads their source files. Otherwise
 * (the analysis runs in the last round, or a class must be a generated source) each file is
 * rendered and written at once. Either way the same files with the same messages; deferred, a
 * message about a generated file comes after the analysis's own diagnostics.
 */
public final class Outputs {
  /** Renders one file (or a few that belong together) into a sink. */
  public interface Render {
    void run(Sink sink) throws IOException;
  }

  /** Where a rendered file and its diagnostics go. */
  public interface Sink {
    /** A class-output file, {@code relativeName} within {@code pkg} ({@code ""} for none). */
    void resource(String pkg, String relativeName, byte[] content, List<? extends Element> originating) throws IOException;

    void print(Diagnostic.Kind kind, String message);
  }

  private final ProcessingEnvironment env;
  private final ExecutorService renderer;
  private final List<Future<Rendered>> rendered = new ArrayList<>();

  /** What one {@link Render} produced on the other thread, to be replayed into javac's Filer. */
  private record Rendered(String what, List<Render> writes) {}

  private Outputs(ProcessingEnvironment env, ExecutorService renderer) {
    this.env = env;
    this.renderer = renderer;
  }

  /** Files rendered and written at once, on javac's thread. */
  public static Outputs immediate(ProcessingEnvironment env) {
    return new Outputs(env, null);
  }

  /**
   * Files rendered on a thread of their own, in order, and written by {@link #finish()} in javac's
   * last round. The thread ends when idle, so a compilation that never reaches its last round (one
   * an IDE cancels) leaves no thread behind in a long-lived JVM.
   */
  public static Outputs deferred(ProcessingEnvironment env) {
    ThreadPoolExecutor renderer = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
      Thread thread = new Thread(task, "schemagov-outputs");
      thread.setDaemon(true);
      return thread;
    });
    renderer.allowCoreThreadTimeOut(true);
    return new Outputs(env, renderer);
  }

  /** Renders {@code what}; a fault is one {@code internal-error}-style message naming it, never an exception. */
  public void render(String what, Render render) {
    if (renderer == null) {
      fenced(what, render, filer());
      return;
    }
    rendered.add(renderer.submit(() -> {
      List<Render> writes = new ArrayList<>();
      fenced(what, render, new Sink() {
        @Override
        public void resource(String pkg, String relativeName, byte[] content, List<? extends Element> originating) {
          writes.add(sink -> sink.resource(pkg, relativeName, content, originating));
        }

        @Override
        public void print(Diagnostic.Kind kind, String message) {
          writes.add(sink -> sink.print(kind, message));
        }
      });
      return new Rendered(what, writes);
    }));
  }

  /** Writes what was rendered on the other thread, in order; nothing to do for immediate outputs. */
  public void finish() {
    if (renderer == null) {
      return;
    }
    renderer.shutdown();
    Sink filer = filer();
    for (Future<Rendered> future : rendered) {
      Rendered files;
      try {
        files = future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the generated files", e);
      } catch (ExecutionException e) {
        // every render is fenced on its thread: only an Error (out of memory) gets here
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
      files.writes().forEach(write -> fenced(files.what(), write, filer));
    }
    rendered.clear();
  }

  private static void fenced(String what, Render render, Sink sink) {
    try {
      render.run(sink);
    } catch (IOException | RuntimeException | LinkageError | StackOverflowError | AssertionError e) {
      sink.print(Diagnostic.Kind.ERROR, Messages.notWritten(what, e));
    }
  }

  private Sink filer() {
    return new Sink() {
      @Override
      public void resource(String pkg, String relativeName, byte[] content, List<? extends Element> originating)
          throws IOException {
        try (OutputStream out = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, pkg, relativeName,
            originating.toArray(Element[]::new)).openOutputStream()) {
          out.write(content);
        }
      }

      @Override
      public void print(Diagnostic.Kind kind, String message) {
        env.getMessager().printMessage(kind, message);
      }
    };
  }
}
