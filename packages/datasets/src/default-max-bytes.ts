/**
 * The default size limit of {@link decodeIdx} and {@link loadMnist}: 256 MiB per file, compressed and
 * decompressed. The largest MNIST file (train images) is 47,040,016 bytes.
 */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;
