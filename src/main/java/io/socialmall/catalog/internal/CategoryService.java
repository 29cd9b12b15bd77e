package io.socialmall.catalog.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.socialmall.catalog.Categories;
import io.socialmall.catalog.Category;
import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.catalog.ProductChanged;
import io.socialmall.core.DomainException;
import io.socialmall.core.Ids;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Role;

/**
 * The category tree is small and read on every listing, so it lives in memory as an immutable snapshot,
 * reloaded after a change commits.
 */
@Service
@Transactional
class CategoryService implements Categories, CategoryManagement {

	private final JdbcClient jdbc;
	private final Accounts accounts;
	private final ApplicationEventPublisher events;
	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
	private volatile Snapshot snapshot;

	CategoryService(JdbcClient jdbc, Accounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.events = events;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Category> tree() {
		return snapshot().roots;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Category> category(long categoryId) {
		return Optional.ofNullable(snapshot().byId.get(categoryId));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Category> path(long categoryId) {
		Snapshot s = snapshot();
		List<Category> path = new ArrayList<>();
		Category current = s.byId.get(categoryId);
		while (current != null && path.size() <= s.byId.size()) {
			path.add(0, current);
			current = current.parentId() == null ? null : s.byId.get(current.parentId());
		}
		return List.copyOf(path);
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> subtree(long categoryId) {
		Category root = snapshot().byId.get(categoryId);
		Set<Long> ids = new LinkedHashSet<>();
		if (root != null) {
			collect(root, ids);
		}
		return ids;
	}

	private static void collect(Category category, Set<Long> ids) {
		ids.add(category.id());
		category.children().forEach(child -> collect(child, ids));
	}

	@Override
	public Category create(long operatorId, CategoryDraft draft) {
		requireOperator(operatorId);
		checkParent(null, draft.parentId());
		long id = Ids.next();
		jdbc.sql("INSERT INTO categories (id, parent_id, name_zh, name_en, position) VALUES (:id, :parent, :zh, :en, :pos)")
			.param("id", id)
			.param("parent", draft.parentId())
			.param("zh", name(draft.nameZh(), "nameZh"))
			.param("en", name(draft.nameEn(), "nameEn"))
			.param("pos", draft.position())
			.update();
		events.publishEvent(new CategoriesChanged(id));
		return load().byId.get(id);
	}

	@Override
	public Category update(long operatorId, long categoryId, CategoryDraft draft) {
		requireOperator(operatorId);
		Snapshot current = load();
		if (!current.byId.containsKey(categoryId)) {
			throw DomainException.notFound("category");
		}
		checkParent(categoryId, draft.parentId());
		jdbc.sql("UPDATE categories SET parent_id = :parent, name_zh = :zh, name_en = :en, position = :pos WHERE id = :id")
			.param("parent", draft.parentId())
			.param("zh", name(draft.nameZh(), "nameZh"))
			.param("en", name(draft.nameEn(), "nameEn"))
			.param("pos", draft.position())
			.param("id", categoryId)
			.update();
		Snapshot updated = load();
		Set<Long> affected = new LinkedHashSet<>();
		collect(updated.byId.get(categoryId), affected);
		jdbc.sql("SELECT id FROM products WHERE category_id IN (:ids) AND status <> 'DRAFT'")
			.param("ids", affected)
			.query(Long.class)
			.list()
			.forEach(productId -> events.publishEvent(new ProductChanged(productId)));
		events.publishEvent(new CategoriesChanged(categoryId));
		return updated.byId.get(categoryId);
	}

	@Override
	public void delete(long operatorId, long categoryId) {
		requireOperator(operatorId);
		if (!load().byId.containsKey(categoryId)) {
			throw DomainException.notFound("category");
		}
		long children = jdbc.sql("SELECT count(*) FROM categories WHERE parent_id = :id").param("id", categoryId).query(Long.class).single();
		long products = jdbc.sql("SELECT count(*) FROM products WHERE category_id = :id").param("id", categoryId).query(Long.class).single();
		if (children > 0 || products > 0) {
			throw DomainException.conflict("category-not-empty", "move its subcategories and products elsewhere first");
		}
		jdbc.sql("DELETE FROM categories WHERE id = :id").param("id", categoryId).update();
		events.publishEvent(new CategoriesChanged(categoryId));
	}

	/** The parent must exist and, when moving, must not be the category itself or below it. */
	private void checkParent(Long categoryId, Long parentId) {
		if (parentId == null) {
			return;
		}
		Snapshot current = load();
		if (!current.byId.containsKey(parentId)) {
			throw DomainException.invalid("parentId", "no such category");
		}
		if (categoryId != null) {
			Set<Long> below = new LinkedHashSet<>();
			collect(current.byId.get(categoryId), below);
			if (below.contains(parentId)) {
				throw DomainException.invalid("parentId", "a category cannot move below itself");
			}
		}
	}

	private static String name(String value, String field) {
		if (value == null || value.isBlank()) {
			throw DomainException.invalid(field, "must not be blank");
		}
		if (value.strip().length() > 40) {
			throw DomainException.invalid(field, "at most 40 characters");
		}
		return value.strip();
	}

	private void requireOperator(long operatorId) {
		accounts.find(operatorId)
			.filter(a -> a.roles().contains(Role.OPERATOR))
			.orElseThrow(() -> DomainException.forbidden("only operators manage categories"));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
	void on(CategoriesChanged changed) {
		generation.incrementAndGet();
		snapshot = null;
	}

	private Snapshot snapshot() {
		Snapshot s = snapshot;
		if (s == null) {
			long before = generation.get();
			s = load();
			// a change that committed while we were reading may not be in s: use it once, do not keep it
			if (generation.get() == before) {
				snapshot = s;
			}
		}
		return s;
	}

	private Snapshot load() {
		record Row(long id, Long parentId, String nameZh, String nameEn, int position) {
		}
		List<Row> rows = jdbc.sql("SELECT id, parent_id, name_zh, name_en, position FROM categories")
			.query((rs, n) -> {
				long parent = rs.getLong(2);
				return new Row(rs.getLong(1), rs.wasNull() ? null : parent, rs.getString(3), rs.getString(4), rs.getInt(5));
			})
			.list();
		Map<Long, List<Row>> children = new HashMap<>();
		for (Row row : rows) {
			children.computeIfAbsent(row.parentId() == null ? 0L : row.parentId(), k -> new ArrayList<>()).add(row);
		}
		Comparator<Row> order = Comparator.comparingInt(Row::position).thenComparing(Row::nameEn).thenComparingLong(Row::id);
		children.values().forEach(list -> list.sort(order));
		Map<Long, Category> byId = new HashMap<>();
		class Builder {
			Category build(Row row, int depth) {
				List<Category> kids = depth > 20 ? List.of()
						: children.getOrDefault(row.id(), List.of()).stream().map(r -> build(r, depth + 1)).toList();
				Category category = new Category(row.id(), row.parentId(), row.nameZh(), row.nameEn(), row.position(), kids);
				byId.put(row.id(), category);
				return category;
			}
		}
		Builder builder = new Builder();
		List<Category> roots = children.getOrDefault(0L, List.of()).stream().map(r -> builder.build(r, 0)).toList();
		return new Snapshot(roots, Map.copyOf(byId));
	}

	private record Snapshot(List<Category> roots, Map<Long, Category> byId) {
	}

	/** Internal signal that the tree changed; the snapshot is dropped once the change has committed. */
	record CategoriesChanged(long categoryId) {
	}
}
