package io.schemagov.processor.jpa;

/**
 * How an id is generated: {@code strategy} is the {@code GenerationType} name (AUTO, IDENTITY,
 * SEQUENCE, TABLE, UUID), {@code sequenceName} the physical sequence of a
 * {@code @SequenceGenerator} when one is named (null otherwise).
 */
public record Generation(String strategy, String generator, String sequenceName, int allocationSize) {}
