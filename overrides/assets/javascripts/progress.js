/*
 * Course progress, remembered in this browser only (localStorage; nothing is sent anywhere).
 * A lesson's "Mark as done" button toggles it; the course page ticks the lessons done and
 * says how many. Without JavaScript or storage, the buttons and the summary stay hidden.
 */
(function () {
  "use strict";

  var KEY = "guide-progress";

  function read() {
    try {
      var value = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(value) ? value.filter(function (x) { return typeof x === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function write(done) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(done));
      return true;
    } catch (error) {
      return false;
    }
  }

  function mountButton(button) {
    var lesson = button.getAttribute("data-guide-done");
    var render = function () {
      button.setAttribute("aria-pressed", read().indexOf(lesson) !== -1 ? "true" : "false");
    };
    button.addEventListener("click", function () {
      var done = read().filter(function (x) { return x !== lesson; });
      if (button.getAttribute("aria-pressed") !== "true") done.push(lesson);
      if (write(done)) render();
    });
    render();
  }

  function mountCourse(list) {
    var done = read();
    var count = 0;
    list.querySelectorAll("[data-lesson]").forEach(function (item) {
      var isDone = done.indexOf(item.getAttribute("data-lesson")) !== -1;
      item.querySelector("[data-guide-done-mark]").hidden = !isDone;
      item.classList.toggle("guide-course__lesson--done", isDone);
      if (isDone) count += 1;
    });
    var summary = document.querySelector("[data-guide-progress]");
    if (summary) {
      summary.textContent = summary.getAttribute("data-template").replace("{n}", count)
        .replace("{total}", summary.getAttribute("data-total"));
    }
  }

  function mount() {
    document.querySelectorAll("[data-guide-done]").forEach(mountButton);
    var course = document.querySelector("[data-guide-course]");
    if (course) mountCourse(course);
  }

  window.guideMount(mount);
})();
