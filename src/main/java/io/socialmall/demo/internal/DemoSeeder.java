package io.socialmall.demo.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.socialmall.catalog.CategoryDraft;
import io.socialmall.catalog.CategoryManagement;
import io.socialmall.catalog.ProductDraft;
import io.socialmall.catalog.ProductManagement;
import io.socialmall.catalog.SkuDraft;
import io.socialmall.catalog.SpecDraft;
import io.socialmall.core.DomainException;
import io.socialmall.demo.DemoData;
import io.socialmall.identity.Accounts;
import io.socialmall.identity.Registration;
import io.socialmall.identity.Role;
import io.socialmall.identity.SupplierApplication;

@Service
class DemoSeeder implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private final Accounts accounts;
	private final CategoryManagement categories;
	private final ProductManagement products;
	private final TransactionTemplate tx;

	DemoSeeder(Accounts accounts, CategoryManagement categories, ProductManagement products, TransactionTemplate tx) {
		this.accounts = accounts;
		this.categories = categories;
		this.products = products;
		this.tx = tx;
	}

	@Override
	public boolean seed() {
		try {
			int count = tx.execute(status -> seedAll());
			log.info("demo data seeded: {} products; sign in as {} / {} (see README)", count, BUYER, PASSWORD);
			return true;
		}
		catch (DomainException e) {
			if ("email-taken".equals(e.code())) {
				log.info("demo data already present; nothing seeded");
				return false;
			}
			throw e;
		}
	}

	private int seedAll() {
		long operator = register(OPERATOR, "運營小王 Operator");
		accounts.grant(operator, Role.OPERATOR);
		register(BUYER, "小美 Mei");
		register("buyer2@socialmall.local", "阿杰 Jay");
		register("buyer3@socialmall.local", "Lin 林");

		Map<String, Long> suppliers = new HashMap<>();
		for (Supplier s : SUPPLIERS) {
			long id = register(s.email(), s.name());
			accounts.applyAsSupplier(id, new SupplierApplication(s.name(), s.licence(), s.phone(), s.address()));
			if (s.verified()) {
				accounts.verifySupplier(operator, id);
			}
			suppliers.put(s.key(), id);
		}

		Map<String, Long> categoryIds = new HashMap<>();
		for (CategorySeed c : CATEGORIES) {
			Long parent = c.parent() == null ? null : categoryIds.get(c.parent());
			categoryIds.put(c.key(), categories.create(operator, new CategoryDraft(parent, c.zh(), c.en(), c.position())).id());
		}

		int count = 0;
		for (Item item : ITEMS) {
			long supplier = suppliers.get(item.supplier());
			List<SpecDraft> specs = new ArrayList<>();
			for (String[] spec : item.specs()) {
				specs.add(new SpecDraft(spec[0], List.of(spec).subList(1, spec.length)));
			}
			List<SkuDraft> skus = new ArrayList<>();
			int n = 0;
			for (List<String> combination : SpecDraft.combinations(specs)) {
				int firstValue = specs.isEmpty() ? 0 : specs.get(0).values().indexOf(combination.get(0));
				// a few combinations sold out, the rest with some stock, the same on every start
				int stock = (item.titleEn().length() * 7 + n * 13) % 9 == 0 ? 0 : 20 + (item.title().hashCode() & 0x7f) % 180 + n;
				skus.add(new SkuDraft(combination, item.price() + firstValue * item.step(), stock,
						item.code() + "-" + (n + 1)));
				n++;
			}
			CategorySeed category = CATEGORIES.stream().filter(c -> c.key().equals(item.category())).findFirst().orElseThrow();
			var product = products.create(supplier, new ProductDraft(item.title(), item.titleEn(),
					item.title() + "\n" + item.titleEn() + ". " + category.blurb(), categoryIds.get(item.category()),
					item.returnable(), specs, skus));
			float hue = category.hue() + (count % 5) * 0.02f;
			products.addImage(supplier, product.id(), DemoPictures.draw(item.titleEn(), hue, category.shape(), 0));
			if (count % 3 == 0) {
				products.addImage(supplier, product.id(), DemoPictures.draw(item.titleEn(), hue + 0.08f, category.shape() + 1, 1));
			}
			if (!item.draft()) {
				products.publish(supplier, product.id());
			}
			count++;
		}
		return count;
	}

	private long register(String email, String name) {
		return accounts.register(new Registration(email, PASSWORD, name.length() > 40 ? name.substring(0, 40) : name)).id();
	}

	record Supplier(String key, String email, String name, String licence, String phone, String address, boolean verified) {
	}

	record CategorySeed(String key, String parent, String zh, String en, int position, float hue, int shape, String blurb) {
	}

	record Item(String supplier, String category, String title, String titleEn, long price, long step, boolean returnable,
			String code, String[][] specs, boolean draft) {

		Item(String supplier, String category, String title, String titleEn, long yuan, long stepYuan, boolean returnable,
				String code, String[]... specs) {
			this(supplier, category, title, titleEn, yuan * 100, stepYuan * 100, returnable, code, specs, false);
		}
	}

	static final List<Supplier> SUPPLIERS = List.of(
			new Supplier("beauty", "beauty@socialmall.local", "杭州美妍化妝品有限公司", "91330106MA2B7X1234", "0571-8888 6601",
					"浙江省杭州市西湖區文三路 90 號", true),
			new Supplier("fashion", "fashion@socialmall.local", "广州衣尚服饰有限公司", "91440101MA5C8Y2345", "020-3888 7702",
					"广东省广州市海珠区新港中路 397 号", true),
			new Supplier("digital", "digital@socialmall.local", "深圳極客數碼科技有限公司", "91440300MA5D9Z3456", "0755-2666 8803",
					"廣東省深圳市南山區科技園南區 18 棟", true),
			new Supplier("food", "food@socialmall.local", "福建茶香食品有限公司", "91350100MA2E1A4567", "0591-8777 9904",
					"福建省福州市鼓楼区五四路 128 号", true),
			new Supplier("home", "home@socialmall.local", "宁波优家家居用品有限公司", "91330200MA2F2B5678", "0574-8766 1105",
					"浙江省宁波市鄞州区天童南路 588 号", true),
			new Supplier("pending", "pending@socialmall.local", "待審核的新商家 Pending Goods", "91110000MA0G3C6789", null,
					"北京市朝阳区", false));

	static final List<CategorySeed> CATEGORIES = List.of(
			new CategorySeed("beauty", null, "美妆护肤", "Beauty & skincare", 1, 0.93f, 0, ""),
			new CategorySeed("face", "beauty", "面部护理", "Face care", 1, 0.93f, 0, "温和配方，敏感肌可用。Gentle formula."),
			new CategorySeed("makeup", "beauty", "彩妆", "Makeup", 2, 0.97f, 0, "持久显色，不易脱妆。Long-lasting colour."),
			new CategorySeed("body", "beauty", "身体护理", "Body care", 3, 0.88f, 0, "清新香氛，滋润不油腻。Light and fresh."),
			new CategorySeed("clothing", null, "服饰", "Clothing", 2, 0.6f, 1, ""),
			new CategorySeed("women", "clothing", "女装", "Women", 1, 0.78f, 1, "舒适面料，日常百搭。Comfortable everyday wear."),
			new CategorySeed("men", "clothing", "男装", "Men", 2, 0.6f, 1, "简约版型，通勤休闲皆宜。Clean cut for work and weekend."),
			new CategorySeed("accessories", "clothing", "配饰", "Accessories", 3, 0.7f, 1, "精致细节，送礼自用两相宜。A thoughtful gift."),
			new CategorySeed("digital", null, "数码", "Electronics", 3, 0.55f, 2, ""),
			new CategorySeed("phone", "digital", "手机配件", "Phone accessories", 1, 0.55f, 2, "兼容主流机型，一年质保。One-year warranty."),
			new CategorySeed("audio", "digital", "影音", "Audio", 2, 0.5f, 2, "高清音质，续航持久。Clear sound, long battery life."),
			new CategorySeed("wearables", "digital", "智能穿戴", "Wearables", 3, 0.45f, 2, "健康监测，消息提醒。Health tracking and alerts."),
			new CategorySeed("food", null, "食品", "Food", 4, 0.1f, 3, ""),
			new CategorySeed("tea", "food", "茶叶", "Tea", 1, 0.28f, 3, "原产地直发，新茶上市。Shipped from the origin."),
			new CategorySeed("snacks", "food", "零食", "Snacks", 2, 0.08f, 3, "独立包装，办公室常备。Individually wrapped."),
			new CategorySeed("home", null, "家居", "Home", 5, 0.12f, 4, ""),
			new CategorySeed("kitchen", "home", "厨具", "Kitchen", 1, 0.02f, 4, "食品级材质，易清洗。Food-grade, easy to clean."),
			new CategorySeed("storage", "home", "收纳", "Storage", 2, 0.15f, 4, "节省空间，整洁有序。Saves space."));

	static final List<Item> ITEMS = List.of(
			new Item("beauty", "face", "補水保濕面膜", "Hydrating face mask", 59, 40, true, "BM01", new String[] { "規格", "5片裝", "10片裝" }),
			new Item("beauty", "face", "玻尿酸精华液", "Hyaluronic acid serum", 129, 60, true, "BM02", new String[] { "容量", "30ml", "50ml" }),
			new Item("beauty", "face", "氨基酸洁面乳", "Amino acid facial cleanser", 69, 0, true, "BM03"),
			new Item("beauty", "face", "煙酰胺亮膚面膜", "Niacinamide brightening mask", 79, 50, true, "BM04", new String[] { "規格", "5片", "10片" }),
			new Item("beauty", "face", "清爽防晒霜 SPF50", "Light sunscreen SPF50", 89, 0, true, "BM05"),
			new Item("beauty", "makeup", "丝绒哑光口红", "Velvet matte lipstick", 149, 0, false, "BM06", new String[] { "色号", "正红", "豆沙", "枫叶" }),
			new Item("beauty", "makeup", "持妝粉底液", "Long-wear liquid foundation", 219, 0, false, "BM07", new String[] { "色號", "象牙白", "自然色" }),
			new Item("beauty", "makeup", "大地色眼影盘", "Earth-tone eyeshadow palette", 169, 0, true, "BM08", new String[] { "色系", "大地色", "桃花粉" }),
			new Item("beauty", "body", "玫瑰身体乳", "Rose body lotion", 79, 40, true, "BM09", new String[] { "容量", "200ml", "400ml" }),
			new Item("beauty", "body", "薰衣草沐浴露", "Lavender shower gel", 49, 0, true, "BM10"),
			new Item("beauty", "body", "護手霜禮盒", "Hand cream gift set", 99, 0, true, "BM11"),
			new Item("fashion", "women", "碎花连衣裙", "Floral midi dress", 259, 0, true, "FA01", new String[] { "颜色", "蓝色", "粉色" }, new String[] { "尺码", "S", "M", "L" }),
			new Item("fashion", "women", "羊毛針織開衫", "Wool knit cardigan", 329, 0, true, "FA02", new String[] { "顏色", "米色", "駝色" }, new String[] { "尺碼", "M", "L" }),
			new Item("fashion", "women", "高腰牛仔裤", "High-waist jeans", 199, 0, true, "FA03", new String[] { "尺码", "26", "27", "28", "29" }),
			new Item("fashion", "men", "纯棉圆领T恤", "Cotton crew-neck T-shirt", 79, 0, true, "FA04", new String[] { "颜色", "白色", "黑色", "灰色" }, new String[] { "尺码", "S", "M", "L", "XL" }),
			new Item("fashion", "men", "商务休闲衬衫", "Business casual shirt", 189, 0, true, "FA05", new String[] { "颜色", "白色", "浅蓝" }, new String[] { "尺码", "M", "L", "XL" }),
			new Item("fashion", "men", "加絨連帽衛衣", "Fleece hoodie", 239, 0, true, "FA06", new String[] { "顏色", "黑色", "藏青" }, new String[] { "尺碼", "M", "L", "XL" }),
			new Item("fashion", "men", "轻薄羽绒服", "Lightweight down jacket", 499, 0, true, "FA07", new String[] { "颜色", "黑色", "军绿" }, new String[] { "尺码", "M", "L", "XL" }),
			new Item("fashion", "accessories", "真絲絲巾", "Silk scarf", 299, 0, true, "FA08", new String[] { "圖案", "青花", "牡丹" }),
			new Item("fashion", "accessories", "帆布托特包", "Canvas tote bag", 89, 0, true, "FA09", new String[] { "颜色", "米白", "黑色" }),
			new Item("fashion", "accessories", "羊毛围巾", "Wool scarf", 159, 0, true, "FA10", new String[] { "颜色", "灰色", "酒红" }),
			new Item("fashion", "accessories", "运动棒球帽", "Baseball cap", 69, 0, true, "FA11", new String[] { "颜色", "黑色", "白色", "卡其" }),
			new Item("digital", "phone", "65W氮化鎵充電器", "65W GaN charger", 149, 0, true, "DG01", new String[] { "顏色", "白色", "黑色" }),
			new Item("digital", "phone", "磁吸无线充电宝", "Magnetic power bank 10000mAh", 199, 0, true, "DG02", new String[] { "颜色", "白色", "蓝色" }),
			new Item("digital", "phone", "USB-C 編織數據線", "Braided USB-C cable", 39, 10, true, "DG03", new String[] { "長度", "1m", "2m" }),
			new Item("digital", "phone", "铝合金手机支架", "Aluminium phone stand", 59, 0, true, "DG04"),
			new Item("digital", "phone", "钢化膜两片装", "Tempered glass screen protector", 29, 0, true, "DG05", new String[] { "型号", "6.1英寸", "6.7英寸" }),
			new Item("digital", "audio", "真無線藍牙耳機", "True wireless earbuds", 299, 0, true, "DG06", new String[] { "顏色", "白色", "黑色" }),
			new Item("digital", "audio", "头戴式降噪耳机", "Noise-cancelling headphones", 899, 0, true, "DG07", new String[] { "颜色", "黑色", "银色" }),
			new Item("digital", "audio", "便携蓝牙音箱", "Portable Bluetooth speaker", 259, 0, true, "DG08", new String[] { "颜色", "蓝色", "红色", "黑色" }),
			new Item("digital", "wearables", "智能手环", "Smart fitness band", 229, 0, true, "DG09", new String[] { "颜色", "黑色", "粉色" }),
			new Item("digital", "wearables", "智能手錶", "Smartwatch", 1299, 200, true, "DG10", new String[] { "錶盤", "42mm", "46mm" }, new String[] { "顏色", "黑色", "銀色" }),
			new Item("food", "tea", "西湖龍井", "West Lake Longjing green tea", 168, 220, false, "FD01", new String[] { "規格", "100g", "250g" }),
			new Item("food", "tea", "安溪铁观音", "Anxi Tieguanyin oolong tea", 128, 110, false, "FD02", new String[] { "规格", "125g", "250g" }),
			new Item("food", "tea", "云南普洱茶饼 357g", "Yunnan Pu'er tea cake 357g", 198, 0, false, "FD03"),
			new Item("food", "tea", "福鼎白茶", "Fuding white tea", 158, 140, false, "FD04", new String[] { "规格", "100g", "200g" }),
			new Item("food", "snacks", "每日坚果", "Daily mixed nuts", 39, 90, false, "FD05", new String[] { "规格", "7袋", "30袋" }),
			new Item("food", "snacks", "手工牛軋糖", "Handmade nougat", 45, 0, false, "FD06", new String[] { "口味", "原味", "抹茶", "蔓越莓" }),
			new Item("food", "snacks", "泰国芒果干", "Dried mango slices", 25, 70, false, "FD07", new String[] { "规格", "100g", "500g" }),
			new Item("food", "snacks", "麻辣牛肉干", "Spicy beef jerky", 59, 0, false, "FD08", new String[] { "口味", "麻辣", "五香" }),
			new Item("home", "kitchen", "不锈钢保温杯", "Stainless steel vacuum flask", 89, 20, true, "HM01", new String[] { "容量", "350ml", "500ml" }, new String[] { "颜色", "白色", "黑色" }),
			new Item("home", "kitchen", "陶瓷馬克杯", "Ceramic mug", 39, 0, true, "HM02", new String[] { "顏色", "白色", "霧藍" }),
			new Item("home", "kitchen", "不粘炒锅", "Non-stick wok", 199, 40, true, "HM03", new String[] { "尺寸", "28cm", "32cm" }),
			new Item("home", "storage", "可折叠收纳箱", "Folding storage box", 49, 20, true, "HM04", new String[] { "规格", "小号", "大号" }),
			new Item("home", "storage", "真空密封罐三件套", "Vacuum canister set of three", 79, 0, true, "HM05"),
			new Item("pending", "kitchen", "未审核商家的炖锅", "Casserole from a pending supplier", 159, 0, true, "PD01"),
			new Item("home", "storage", "衣柜收纳袋（草稿）", "Wardrobe organiser (draft)", 29, 0, true, "HM06", new String[][] {}, true));
}
