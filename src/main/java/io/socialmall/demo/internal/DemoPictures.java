package io.socialmall.demo.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * Draws a product picture: a coloured background, a simple shape for the category and the product's
 * initials and English name. Latin text only, so it looks the same on a server without CJK fonts; a server
 * without any font still gets the background and the shape.
 */
final class DemoPictures {

	static final int SIZE = 600;

	private DemoPictures() {
	}

	static byte[] draw(String name, float hue, int shape, int variant) {
		BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			float shade = variant == 0 ? 0.55f : 0.4f;
			Color light = Color.getHSBColor(hue, 0.25f, 0.98f);
			Color dark = Color.getHSBColor(hue, shade, 0.85f);
			g.setPaint(new GradientPaint(0, 0, light, SIZE, SIZE, dark));
			g.fillRect(0, 0, SIZE, SIZE);
			g.setColor(new Color(255, 255, 255, 110));
			int m = SIZE / 6;
			int w = SIZE - 2 * m;
			switch (shape % 5) {
				case 0 -> g.fill(new Ellipse2D.Double(m, m, w, w));
				case 1 -> g.fill(new RoundRectangle2D.Double(m, m, w, w, 80, 80));
				case 2 -> g.fillPolygon(polygon(6, variant * 0.5));
				case 3 -> g.fillPolygon(polygon(3, Math.PI / 2 * 3));
				default -> g.fill(new Ellipse2D.Double(m - 20, m + 60, w + 40, w - 120));
			}
			g.setColor(new Color(255, 255, 255, 170));
			g.setStroke(new BasicStroke(6));
			g.drawRect(18, 18, SIZE - 36, SIZE - 36);
			text(g, name, Color.getHSBColor(hue, 0.7f, 0.45f));
		}
		finally {
			g.dispose();
		}
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static Polygon polygon(int corners, double rotation) {
		Polygon polygon = new Polygon();
		double r = SIZE * 0.36;
		for (int i = 0; i < corners; i++) {
			double angle = rotation + 2 * Math.PI * i / corners;
			polygon.addPoint((int) (SIZE / 2 + r * Math.cos(angle)), (int) (SIZE / 2 + r * Math.sin(angle)));
		}
		return polygon;
	}

	private static void text(Graphics2D g, String name, Color ink) {
		try {
			StringBuilder initials = new StringBuilder();
			for (String word : name.split("[\\s-]+")) {
				if (!word.isEmpty() && Character.isLetterOrDigit(word.charAt(0)) && initials.length() < 2) {
					initials.append(Character.toUpperCase(word.charAt(0)));
				}
			}
			g.setColor(ink);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, SIZE / 4));
			FontMetrics big = g.getFontMetrics();
			String letters = initials.toString();
			g.drawString(letters, (SIZE - big.stringWidth(letters)) / 2, SIZE / 2 + big.getAscent() / 3);
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, SIZE / 16));
			FontMetrics small = g.getFontMetrics();
			String label = name.length() > 32 ? name.substring(0, 31) + "…" : name;
			g.drawString(label, (SIZE - small.stringWidth(label)) / 2,
					SIZE - 60);
		}
		catch (RuntimeException | Error e) {
			// no usable font on this machine: the picture keeps its colours and shape
		}
	}
}
