package cn.shixun.ledger;

import java.util.List;

/**
 * Where a registration comes from and what proves it: the source (project,
 * application...) and its reference, the evidence number as printed on the certificate, and
 * references to the stored scans, sign-in sheets, invoices or agreements.
 */
public record Evidence(SourceType sourceType, String sourceRef, String number, List<String> files) {

    public Evidence {
        files = files == null ? List.of() : List.copyOf(files);
    }

    public static Evidence project(String projectRef, String number, String... files) {
        return new Evidence(SourceType.PROJECT, projectRef, number, List.of(files));
    }
}
