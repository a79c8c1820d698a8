package cn.shixun.admin;

import java.security.SecureRandom;

/**
 * The passwords an administrator hands over when opening an account or resetting one: random, shown once
 * on the page and never stored but as a hash, so the administrator never chooses (or reuses) a person's
 * password. Letters and digits that cannot be mistaken for one another when read out or copied by hand.
 */
final class OneTimePasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimePasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
