package io.schemagov.processor.jpa;

/**
 * How an id is generated: {@code strategy} is the {@code GenerationType} name (AUTO, IDENTITY,
 * SEQUENCE, TABLE, UUID), {@code sequenceName} the physical sequence of a
 * {@code @SequenceGenerator} when one is named (null otherwise), {@code allocationSize} and {@code
 * initialValue} its increment and start (50 and 1 without one).
 */
public record Generation(String strategy, String generator, String sequenceName, int allocationSize, int initialValue) {}
