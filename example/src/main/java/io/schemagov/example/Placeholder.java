package io.schemagov.example;

@jakarta.persistence.Entity
public class Placeholder {
  @jakarta.persistence.Id Long id;
}
