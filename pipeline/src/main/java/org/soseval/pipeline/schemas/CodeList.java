package org.soseval.pipeline.schemas;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A named code list whose codes may each be valid in only some collection years. */
public record CodeList(String name, List<Code> codes) {
  public CodeList {
    Objects.requireNonNull(name, "name is null");
    codes = List.copyOf(codes);
  }

  /** True when {@code code} is in the list and valid in {@code year}. */
  public boolean isValid(String code, int year) {
    return find(code).map(found -> found.years().contains(year)).orElse(false);
  }

  public Optional<Code> find(String code) {
    return codes.stream().filter(candidate -> candidate.code().equals(code)).findFirst();
  }

  /** The codes valid in {@code year}, in schema order. */
  public List<String> codesIn(int year) {
    return codes.stream().filter(code -> code.years().contains(year)).map(Code::code).toList();
  }
}
