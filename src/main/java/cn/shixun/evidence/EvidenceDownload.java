package cn.shixun.evidence;

/** A file to send to a reader who may see it: its metadata and its bytes. */
public record EvidenceDownload(EvidenceFile file, byte[] content) {
}
