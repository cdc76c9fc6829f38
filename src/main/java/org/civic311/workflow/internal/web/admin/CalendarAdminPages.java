package org.civic311.workflow.internal.web.admin;

import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civic311.workflow.BusinessCalendars;
import org.civic311.workflow.CalendarSettings;
import org.civic311.workflow.Holiday;
import org.civic311.workflow.InvalidCalendar;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the business calendar: working days and hours, holidays added and removed. An
 * edit counts for due dates computed from then on, without a restart ({@link BusinessCalendars}).
 */
@Controller
@RequestMapping("/staff/admin/calendar")
class CalendarAdminPages {

  private final BusinessCalendars calendars;

  CalendarAdminPages(BusinessCalendars calendars) {
    this.calendars = calendars;
  }

  @GetMapping
  String page(Model model) {
    CalendarSettings c = calendars.calendar();
    return page(model, c.workingDays(), c.opens().toString(), c.closes().toString(), "", "");
  }

  @PostMapping("/hours")
  String saveHours(
      @RequestParam(name = "days", required = false) List<String> days,
      @RequestParam(defaultValue = "") String opens,
      @RequestParam(defaultValue = "") String closes,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Set<DayOfWeek> chosen = EnumSet.noneOf(DayOfWeek.class);
    for (String d : days == null ? List.<String>of() : days) {
      try {
        chosen.add(DayOfWeek.valueOf(d));
      } catch (IllegalArgumentException ignored) {
        // Not a day a browser could send: left out.
      }
    }
    List<String> problems = new ArrayList<>();
    LocalTime open = time(opens);
    LocalTime close = time(closes);
    if (chosen.isEmpty()) problems.add("notify.calendar.error.noDays");
    if (open == null || close == null) problems.add("notify.calendar.error.time");
    else if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) problems.add("notify.calendar.error.order");
    if (problems.isEmpty()) {
      try {
        calendars.saveWorkingTime(chosen, open, close);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/staff/admin/calendar";
      } catch (InvalidCalendar e) {
        model.addAttribute("otherProblem", e.getMessage());
      }
    }
    // A refused form answers 400 with the page, what was typed and the problems.
    model.addAttribute("hoursProblems", problems);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return page(model, chosen, opens, closes, "", "");
  }

  @PostMapping("/holidays")
  String addHoliday(
      @RequestParam(defaultValue = "") String date,
      @RequestParam(defaultValue = "") String name,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    List<String> problems = new ArrayList<>();
    LocalDate day = null;
    try {
      day = LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      problems.add("notify.calendar.error.date");
    }
    if (name.isBlank() || name.strip().length() > 100) problems.add("notify.calendar.error.name");
    if (problems.isEmpty()) {
      try {
        calendars.addHoliday(new Holiday(day, name.strip()));
        redirect.addFlashAttribute("added", day.toString());
        return "redirect:/staff/admin/calendar";
      } catch (InvalidCalendar e) {
        model.addAttribute("otherProblem", e.getMessage());
      }
    }
    model.addAttribute("holidayProblems", problems);
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    CalendarSettings c = calendars.calendar();
    return page(model, c.workingDays(), c.opens().toString(), c.closes().toString(), date, name);
  }

  @PostMapping("/holidays/{date}/remove")
  String removeHoliday(@PathVariable String date, RedirectAttributes redirect) {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    if (!calendars.removeHoliday(day)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    redirect.addFlashAttribute("removed", day.toString());
    return "redirect:/staff/admin/calendar";
  }

  private String page(Model model, Set<DayOfWeek> days, String opens, String closes, String date, String name) {
    CalendarSettings c = calendars.calendar();
    model.addAttribute("timeZone", c.timeZone().getId());
    model.addAttribute("allDays", List.of(DayOfWeek.values()));
    model.addAttribute("days", days);
    model.addAttribute("opens", opens);
    model.addAttribute("closes", closes);
    model.addAttribute("holidays", c.holidays());
    model.addAttribute("date", date);
    model.addAttribute("name", name);
    return "notify-admin/calendar";
  }

  private static LocalTime time(String text) {
    try {
      return LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
