package io.socialmall.core;

/**
 * Pictures people upload (product photos, review and note pictures), kept as files under
 * {@code ${socialmall.data-dir}/media} and served at {@code /media/<key>}. Only PNG, JPEG and WebP are
 * accepted, judged by the bytes themselves (never by a file name or a declared content type), and every
 * stored picture gets a thumbnail. Keys never change meaning, so their files can be cached for ever.
 */
public interface MediaStorage {

	/**
	 * Checks and stores a picture.
	 * @param namespace who owns it, e.g. {@code products} or {@code reviews}: lower-case letters only
	 * @param content the uploaded bytes
	 * @throws DomainException {@code invalid-input} on field {@code file} when the bytes are not a PNG, JPEG or
	 *         WebP picture, are too large, or the picture has too many pixels
	 */
	StoredImage storeImage(String namespace, byte[] content);

	/** Removes a picture and its thumbnail; an unknown key is ignored. */
	void delete(String key);

	/** Whether a picture with this key is stored. */
	boolean exists(String key);

	/** Where a browser fetches the picture of {@code key}. */
	static String url(String key) {
		return key == null ? null : "/media/" + key;
	}

	/** Where a browser fetches the thumbnail (at most 400 pixels on its longer side) of {@code key}. */
	static String thumbnailUrl(String key) {
		if (key == null) {
			return null;
		}
		int dot = key.lastIndexOf('.');
		return "/media/" + key.substring(0, dot) + "_t" + key.substring(dot);
	}

	/** A stored picture: its key, content type, size in pixels and in bytes. */
	record StoredImage(String key, String contentType, int width, int height, long bytes) {

		public String url() {
			return MediaStorage.url(key);
		}

		public String thumbnailUrl() {
			return MediaStorage.thumbnailUrl(key);
		}
	}
}
