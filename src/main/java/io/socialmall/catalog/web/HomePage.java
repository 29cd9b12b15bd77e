package io.socialmall.catalog.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomePage {

	private final JdbcClient jdbc;

	HomePage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("products", jdbc.sql("""
				SELECT id, title, min_price FROM products WHERE status = 'ON_SALE' ORDER BY published_at DESC LIMIT 20""")
			.query((rs, n) -> new Tile(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.list());
		return "catalog/home";
	}

	record Tile(long id, String title, long minPrice) {
	}
}
