package io.schemagov.example.cases;

/** The life cycle of a legal case. */
public enum CaseStatus { INTAKE, OPEN, DISCOVERY, TRIAL, CLOSED, ARCHIVED }
