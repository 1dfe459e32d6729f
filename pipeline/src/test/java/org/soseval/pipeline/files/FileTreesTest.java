package org.soseval.pipeline.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @Test
  void deletesAFolderWithNestedFilesAndLeavesItsSiblings(@TempDir Path temp) throws IOException {
    Path root = temp.resolve("out");
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/c.csv"), "x");
    Files.writeString(root.resolve("top.txt"), "y");
    Path sibling = Files.writeString(temp.resolve("keep.txt"), "z");

    FileTrees.delete(root);

    assertThat(root).doesNotExist();
    assertThat(sibling).hasContent("z");
  }

  @Test
  void aMissingFolderIsNotAnError(@TempDir Path temp) throws IOException {
    FileTrees.delete(temp.resolve("never-made"));
    assertThat(temp).isEmptyDirectory();
  }

  @Test
  void deletesASingleFile(@TempDir Path temp) throws IOException {
    Path file = Files.writeString(temp.resolve("one.csv"), "x");
    FileTrees.delete(file);
    assertThat(file).doesNotExist();
  }
}
