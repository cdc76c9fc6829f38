package org.civic311;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Civic311: the web application, or a command-line task when arguments name one. */
@SpringBootApplication
public class Civic311Application {

  public static void main(String[] args) {
    SpringApplication.run(Civic311Application.class, args);
  }
}
