package com.sudamall.chat.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * One user's browser: Debian's headless Chromium driven through its own chromedriver (never a downloaded one).
 * Without Chromium the browser tests are skipped, unless {@code CHAT_TEST_BROWSER_REQUIRED} is set (CI sets it),
 * in which case they fail.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static void requireChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String required = System.getenv("CHAT_TEST_BROWSER_REQUIRED");
        if (required != null && !required.isBlank() && !required.equals("0")) {
            if (!present) {
                throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver)");
            }
            return;
        }
        Assumptions.assumeTrue(present, "Chromium is not installed: browser tests skipped");
    }

    public static Browser open(int width, int height) {
        try {
            Path profile = Files.createTempDirectory("chat-browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            // The flags keep Chromium from reaching for Google's services, which this network refuses.
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(css)), e -> e.isDisplayed());
    }

    /** The element, displayed or not (a visually hidden file input). */
    public WebElement present(String css) {
        return await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> driver.findElement(By.cssSelector(css)), e -> true);
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the supplier gives true. */
    public void until(String what, Supplier<Boolean> condition) {
        until(what, PATIENCE, condition);
    }

    public void until(String what, Duration patience, Supplier<Boolean> condition) {
        await(what).atMost(patience).ignoreExceptions().until(condition::get);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an async script: it ends by calling {@code arguments[arguments.length - 1]} with its result. */
    public Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** A Chrome DevTools Protocol command, as the page's browser would take it from its developer tools. */
    public Map<String, Object> devTools(String command, Map<String, Object> parameters) {
        return driver.executeCdpCommand(command, parameters);
    }

    /** Moves the mouse over the element, as a pointer does before it clicks. */
    public void hover(WebElement element) {
        new Actions(driver).moveToElement(element).perform();
    }

    /** Keys typed into whatever has the focus. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** A keyboard shortcut: the modifiers held down while the key is pressed. */
    public void shortcut(String key, Keys... modifiers) {
        Actions actions = new Actions(driver);
        for (Keys modifier : modifiers) {
            actions = actions.keyDown(modifier);
        }
        actions = actions.sendKeys(key);
        for (Keys modifier : modifiers) {
            actions = actions.keyUp(modifier);
        }
        actions.perform();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Accepts the next confirm() or alert(). */
    public void accept() {
        await().atMost(PATIENCE).ignoreExceptions().until(() -> {
            driver.switchTo().alert().accept();
            return true;
        });
    }

    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
