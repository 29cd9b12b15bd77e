package io.socialmall.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.ICUTransformFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import com.ibm.icu.text.Transliterator;

/**
 * Chinese in either script and English: Traditional characters become Simplified, Han runs become
 * overlapping bigrams (補水保濕面膜 → 补水 水保 保湿 湿面 面膜, so 面膜 and 保濕 both match), then case,
 * width and accents fold and English plurals lose their "s" (masks → mask).
 */
final class ChineseAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer source = new StandardTokenizer();
		// one transliterator per token stream: each thread reuses its own components
		TokenStream stream = new ICUTransformFilter(source, Transliterator.getInstance("Traditional-Simplified"));
		stream = new CJKBigramFilter(stream);
		stream = new ICUFoldingFilter(stream);
		stream = new EnglishMinimalStemFilter(stream);
		return new TokenStreamComponents(source, stream);
	}
}
