package io.schemagov.processor.jpa;

/** A column default as written ({@code columnDefinition ... DEFAULT x} or Hibernate's {@code @ColumnDefault}). */
public record DefaultValue(String text, Source source) {}
