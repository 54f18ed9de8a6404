// "Use this code" in the HS classification assistant: fill the form field the assistant was opened for.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-hs-pick]");
  if (!button) return;
  var field = document.getElementById(button.getAttribute("data-hs-pick"));
  if (!field) return;
  field.value = button.getAttribute("data-code");
  field.dispatchEvent(new Event("change", { bubbles: true }));
  var helper = button.closest("details");
  if (helper) helper.open = false;
  field.focus();
});
