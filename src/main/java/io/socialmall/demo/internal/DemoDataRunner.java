package io.socialmall.demo.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.socialmall.demo.DemoData;

/** Seeds the demo data on start unless {@code socialmall.demo-data.enabled=false} (the prod profile, tests). */
@Component
@ConditionalOnProperty(name = "socialmall.demo-data.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataRunner implements ApplicationRunner {

	private final DemoData demoData;

	DemoDataRunner(DemoData demoData) {
		this.demoData = demoData;
	}

	@Override
	public void run(ApplicationArguments args) {
		demoData.seed();
	}
}
