package cn.shixun;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Shixun (师训): continuing-education hour registration for school teachers.
 * Each direct sub-package is one application module; see docs/architecture.md.
 */
@SpringBootApplication
public class ShixunApplication {

    public static void main(String[] args) {
        SpringApplication.run(ShixunApplication.class, args);
    }
}
