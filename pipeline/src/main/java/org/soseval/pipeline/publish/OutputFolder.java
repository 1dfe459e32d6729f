package org.soseval.pipeline.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.soseval.pipeline.PipelineErrors;
import org.soseval.pipeline.files.FileTrees;

/**
 * A command's {@code --out} folder, and the results of a run written so that a failed run leaves
 * the previous results as they were: the run writes into {@link #staging()} inside the folder, and
 * {@link #commit()} replaces the previous results with the new ones only when everything is
 * written. Results of a previous run that this run does not write are removed at the commit, so the
 * folder never holds a mix of two runs.
 */
public final class OutputFolder {
  private static final String STAGING = ".staging";

  private final Path folder;
  private final List<String> results;

  private OutputFolder(Path folder, List<String> results) {
    this.folder = folder;
    this.results = List.copyOf(results);
  }

  /**
   * Checks that {@code out} is, or can be made, a folder this process can write, and creates it: a
   * usage error naming it otherwise (it is a file, or not writable).
   */
  public static Path usable(Path out, String option) {
    Path folder = out.toAbsolutePath().normalize();
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw PipelineErrors.usage(
          "Cannot write to " + option + " " + folder,
          "it is a file, not a folder",
          "Give " + option + " a folder (it is created if missing)");
    }
    try {
      Files.createDirectories(folder);
      Path probe = Files.createTempFile(folder, ".write-check", "");
      Files.delete(probe);
    } catch (IOException e) {
      throw PipelineErrors.usage(
          "Cannot write to " + option + " " + folder,
          e instanceof AccessDeniedException
              ? "permission denied"
              : e instanceof FileSystemException fs && fs.getReason() != null
                  ? fs.getReason()
                  : String.valueOf(e.getMessage()),
          "Give " + option + " a folder you can write to",
          e);
    }
    return folder;
  }

  /**
   * Starts a run into {@code out} (checked by {@link #usable}) whose results are the given
   * top-level names (files or folders, e.g. {@code publish}, {@code evaluation.json}); clears what
   * a crashed run left in the staging folder.
   */
  public static OutputFolder start(Path out, String option, List<String> results) {
    OutputFolder output = new OutputFolder(usable(out, option), results);
    try {
      FileTrees.delete(output.staging());
      Files.createDirectories(output.staging());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare " + output.staging(), e);
    }
    return output;
  }

  public Path folder() {
    return folder;
  }

  /** Where the run writes its results, under the names it will have in {@link #folder()}. */
  public Path staging() {
    return folder.resolve(STAGING);
  }

  /** The final place of a path written under {@link #staging()}. */
  public Path finalPath(Path staged) {
    return folder.resolve(staging().relativize(staged.toAbsolutePath().normalize()));
  }

  /** Replaces the previous results with the staged ones, and removes the staging folder. */
  public void commit() {
    try {
      for (String name : results) {
        FileTrees.delete(folder.resolve(name));
      }
      for (String name : results) {
        Path staged = staging().resolve(name);
        if (Files.exists(staged)) {
          Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        }
      }
      FileTrees.delete(staging());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot move the results into " + folder, e);
    }
  }

  /** Removes the staging folder after a failure; the previous results stay as they were. */
  public void abandon() {
    try {
      FileTrees.delete(staging());
    } catch (IOException ignored) {
      // the next run clears it
    }
  }
}
