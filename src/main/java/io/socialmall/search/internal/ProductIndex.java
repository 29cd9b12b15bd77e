package io.socialmall.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.socialmall.catalog.ProductListing;
import io.socialmall.core.Money;
import io.socialmall.core.Page;
import io.socialmall.search.ProductHit;
import io.socialmall.search.SearchQuery;
import io.socialmall.search.SearchSort;

/**
 * The Lucene index of products on sale: one document per product. Writes go through one {@link IndexWriter};
 * searches use near-real-time searchers from a {@link SearcherManager}, refreshed after each change so it is
 * visible at once. Changes reach the disk on a periodic commit and on close; a commit records the time it was
 * made, so a restart can re-read what changed since.
 */
final class ProductIndex implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
	static final String COMMITTED_AT = "committedAt";

	private final Analyzer analyzer = new ChineseAnalyzer();
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final boolean createdNew;
	private final Instant lastCommit;
	private final java.time.Clock clock;
	private final ScheduledExecutorService committer;

	ProductIndex(Path path, java.time.Clock clock, long commitIntervalMillis) {
		this.clock = clock;
		try {
			Files.createDirectories(path);
			this.directory = FSDirectory.open(path);
			this.createdNew = !DirectoryReader.indexExists(directory);
			this.lastCommit = createdNew ? null : committedAt(directory);
			var config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
			this.writer = new IndexWriter(directory, config);
			if (createdNew) {
				commit();
			}
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot open the search index at " + path, e);
		}
		this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "search-index-commit");
			thread.setDaemon(true);
			return thread;
		});
		committer.scheduleWithFixedDelay(this::commitQuietly, commitIntervalMillis, commitIntervalMillis,
				TimeUnit.MILLISECONDS);
	}

	/** Whether there was no index on disk when this one was opened (it then needs building). */
	boolean createdNew() {
		return createdNew;
	}

	/** When the index found on disk was last committed, or null. */
	Instant lastCommit() {
		return lastCommit;
	}

	void upsert(ProductListing product, long sales) {
		try {
			writer.updateDocument(new Term("id", Long.toString(product.id())), document(product, sales));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void delete(long productId) {
		try {
			writer.deleteDocuments(new Term("id", Long.toString(productId)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes every change so far visible to searches. */
	void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	synchronized void commit() throws IOException {
		if (writer.hasUncommittedChanges() || writer.getLiveCommitData() == null) {
			writer.setLiveCommitData(Map.of(COMMITTED_AT, clock.instant().toString()).entrySet());
			writer.commit();
		}
	}

	private void commitQuietly() {
		try {
			if (writer.isOpen()) {
				commit();
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("search index commit failed; the next one will try again: {}", e.toString());
		}
	}

	private static Instant committedAt(Directory directory) throws IOException {
		String at = SegmentInfos.readLatestCommit(directory).getUserData().get(COMMITTED_AT);
		return at == null ? null : Instant.parse(at);
	}

	private static Document document(ProductListing p, long sales) {
		Document doc = new Document();
		doc.add(new StringField("id", Long.toString(p.id()), Field.Store.YES));
		doc.add(new NumericDocValuesField("id", p.id()));
		doc.add(new TextField("title", p.title(), Field.Store.YES));
		if (p.titleEn() != null) {
			doc.add(new TextField("title_en", p.titleEn(), Field.Store.YES));
		}
		if (p.description() != null) {
			doc.add(new TextField("description", p.description(), Field.Store.NO));
		}
		doc.add(new TextField("category_text", String.join(" ", p.categoryNames()), Field.Store.NO));
		doc.add(new TextField("supplier", p.supplierName(), Field.Store.YES));
		doc.add(new StringField("supplier_id", Long.toString(p.supplierId()), Field.Store.YES));
		p.categoryPath().forEach(id -> doc.add(new StringField("category", Long.toString(id), Field.Store.NO)));
		if (p.categoryId() != null) {
			doc.add(new StoredField("category_id", p.categoryId()));
		}
		long price = p.minPrice().amount();
		doc.add(new LongPoint("price", price));
		doc.add(new NumericDocValuesField("price", price));
		doc.add(new StoredField("price", price));
		doc.add(new StoredField("currency", p.minPrice().currency()));
		long published = (p.publishedAt() != null ? p.publishedAt() : p.createdAt()).toEpochMilli();
		doc.add(new NumericDocValuesField("published", published));
		doc.add(new StoredField("published", published));
		doc.add(new NumericDocValuesField("created", p.createdAt().toEpochMilli()));
		doc.add(new StoredField("created", p.createdAt().toEpochMilli()));
		doc.add(new NumericDocValuesField("sales", sales));
		doc.add(new StoredField("sales", sales));
		if (p.imageKey() != null) {
			doc.add(new StoredField("image", p.imageKey()));
		}
		return doc;
	}

	Page<ProductHit> search(SearchQuery query) {
		Query match = query.text() == null ? new MatchAllDocsQuery() : textQuery(query.text());
		BooleanQuery.Builder builder = new BooleanQuery.Builder().add(match, Occur.MUST);
		if (query.categoryId() != null) {
			builder.add(new TermQuery(new Term("category", Long.toString(query.categoryId()))), Occur.FILTER);
		}
		if (query.minPrice() != null || query.maxPrice() != null) {
			builder.add(LongPoint.newRangeQuery("price", query.minPrice() == null ? 0 : query.minPrice(),
					query.maxPrice() == null ? Long.MAX_VALUE : query.maxPrice()), Occur.FILTER);
		}
		Query full = builder.build();
		int wanted = (int) (query.page().offset() + query.page().size());
		IndexSearcher searcher = acquire();
		try {
			TopFieldDocs top = searcher.search(full, wanted, sort(query.sort()), false);
			int total = searcher.count(full);
			List<ProductHit> hits = new ArrayList<>();
			var stored = searcher.storedFields();
			for (int i = (int) query.page().offset(); i < top.scoreDocs.length; i++) {
				ScoreDoc scoreDoc = top.scoreDocs[i];
				hits.add(hit(stored.document(scoreDoc.doc)));
			}
			return Page.of(hits, query.page(), total);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			release(searcher);
		}
	}

	/** Ids of the indexed products in a category or below it. */
	List<Long> idsInCategory(long categoryId) {
		IndexSearcher searcher = acquire();
		try {
			var query = new TermQuery(new Term("category", Long.toString(categoryId)));
			var top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
			List<Long> ids = new ArrayList<>();
			var stored = searcher.storedFields();
			for (ScoreDoc doc : top.scoreDocs) {
				ids.add(Long.parseLong(stored.document(doc.doc).get("id")));
			}
			return ids;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			release(searcher);
		}
	}

	int size() {
		IndexSearcher searcher = acquire();
		try {
			return searcher.getIndexReader().numDocs();
		}
		finally {
			release(searcher);
		}
	}

	private static ProductHit hit(Document doc) {
		var category = doc.getField("category_id");
		return new ProductHit(Long.parseLong(doc.get("id")), doc.get("title"), doc.get("title_en"),
				Money.of(doc.getField("price").numericValue().longValue(), doc.get("currency")), doc.get("image"),
				doc.getField("sales").numericValue().longValue(), Long.parseLong(doc.get("supplier_id")), doc.get("supplier"),
				category == null ? null : category.numericValue().longValue(),
				Instant.ofEpochMilli(doc.getField("published").numericValue().longValue()));
	}

	private static Sort sort(SearchSort sort) {
		SortField newest = new SortField("published", SortField.Type.LONG, true);
		SortField byId = new SortField("id", SortField.Type.LONG, true);
		return switch (sort) {
			case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest, byId);
			case NEWEST -> new Sort(newest, byId);
			case PRICE_ASC -> new Sort(new SortField("price", SortField.Type.LONG), newest, byId);
			case PRICE_DESC -> new Sort(new SortField("price", SortField.Type.LONG, true), newest, byId);
			case SALES -> new Sort(new SortField("sales", SortField.Type.LONG, true), newest, byId);
		};
	}

	/**
	 * Every whitespace-separated word must match; within a word, which the analyzer may cut into several
	 * bigrams, most of them must (补水面膜 gives 补水 水面 面膜, and 补水…面膜 should still match without 水面).
	 */
	Query textQuery(String text) {
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		int words = 0;
		for (String word : text.split("\\s+")) {
			List<String> tokens = tokens(word);
			if (tokens.isEmpty()) {
				continue;
			}
			BooleanQuery.Builder wordQuery = new BooleanQuery.Builder();
			for (String token : tokens) {
				wordQuery.add(anyField(token), Occur.SHOULD);
			}
			int n = tokens.size();
			wordQuery.setMinimumNumberShouldMatch(n <= 2 ? n : (int) Math.ceil(n * 0.6));
			all.add(wordQuery.build(), Occur.MUST);
			if (++words == 10) {
				break;
			}
		}
		return words == 0 ? new MatchNoDocsQuery() : all.build();
	}

	private static Query anyField(String token) {
		return new DisjunctionMaxQuery(List.of(new BoostQuery(new TermQuery(new Term("title", token)), 3f),
				new BoostQuery(new TermQuery(new Term("title_en", token)), 3f),
				new BoostQuery(new TermQuery(new Term("category_text", token)), 1.5f),
				new TermQuery(new Term("supplier", token)), new TermQuery(new Term("description", token))), 0.1f);
	}

	List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = analyzer.tokenStream("title", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tokens;
	}

	private IndexSearcher acquire() {
		try {
			return searchers.acquire();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void release(IndexSearcher searcher) {
		try {
			searchers.release(searcher);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Commits what is pending and releases the files; a later open finds everything indexed so far. */
	@Override
	public synchronized void close() {
		committer.shutdownNow();
		try {
			if (writer.isOpen()) {
				commit();
			}
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot close the search index", e);
		}
	}
}
