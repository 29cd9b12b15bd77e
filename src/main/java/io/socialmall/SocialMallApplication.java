package io.socialmall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * SocialMall: a storefront and social commerce (reseller micro-shops, group buys, notes) on one platform.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "SocialMall", sharedModules = "core")
public class SocialMallApplication {

	public static void main(String[] args) {
		SpringApplication.run(SocialMallApplication.class, args);
	}
}
